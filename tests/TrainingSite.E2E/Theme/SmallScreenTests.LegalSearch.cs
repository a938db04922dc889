namespace Training.E2E.Theme;

/// <summary>The legal search on a phone: the results come first, the facets fold behind "Bộ lọc".</summary>
public sealed partial class SmallScreenTests
{
    [Fact]
    public async Task OnAPhoneTheLegalSearchShowsResultsFirstWithTheFiltersFolded()
    {
        var page = await NewPageAsync(LayoutProbe.PhoneWidth, LayoutProbe.PhoneHeight);
        await page.GotoAsync(LegalSearch);
        var filters = page.Locator("summary.fold-toggle");
        var facet = page.GetByRole(AriaRole.Heading, new() { Name = "Loại văn bản" });
        await Assertions.Expect(filters).ToHaveTextAsync("Bộ lọc");
        await Assertions.Expect(facet).ToBeHiddenAsync();
        var first = await page.Locator("main article.card").First.BoundingBoxAsync();
        Assert.True(first is not null && first.Y + 80 < LayoutProbe.PhoneHeight, $"the first result starts at {first?.Y} px");
        await ShotAsync(page, "390-legal-search-folded");

        await filters.ClickAsync();
        await Assertions.Expect(facet).ToBeVisibleAsync();
        await page.Locator("aside section").First.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(filters).ToHaveTextAsync("Bộ lọc (1)");
        await Assertions.Expect(page.Locator("main article.card").First).ToBeVisibleAsync();

        await page.SetViewportSizeAsync(LayoutProbe.DesktopWidth, LayoutProbe.DesktopHeight);
        await page.GotoAsync(LegalSearch);
        await Assertions.Expect(facet).ToBeVisibleAsync();
        await Assertions.Expect(filters).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }
}
