using System.Text.Json;
using Training.E2E.Infrastructure;

namespace Training.E2E.Theme;

/// <summary>The site on phones and desktops; one site (<see cref="SweepSite"/>) for every test of this class.</summary>
public sealed partial class SmallScreenTests
{
    private async Task<IPage> NewPageAsync(int width, int height, bool javaScript = true)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = sweep.Site.BaseUrl, Locale = "vi-VN", ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Path.Combine(Journey.Artifacts, "screens"));
        await page.ScreenshotAsync(Path.Combine("screens", name));
    }

    /// <summary>The expanded state Chromium gives assistive technology for the element named <paramref name="name"/>
    /// (read from its accessibility tree, which is what a screen reader hears), or null when it has none.</summary>
    private static async Task<bool?> ExpandedStateAsync(IPage page, string name)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        var tree = await cdp.SendAsync("Accessibility.getFullAXTree");
        foreach (var node in tree!.Value.GetProperty("nodes").EnumerateArray())
        {
            if (!node.TryGetProperty("name", out var n) || !n.TryGetProperty("value", out var v) || v.GetString() != name) continue;
            if (!node.TryGetProperty("properties", out var properties)) continue;
            foreach (var p in properties.EnumerateArray())
                if (p.GetProperty("name").GetString() == "expanded")
                    return p.GetProperty("value").GetProperty("value").ValueKind == JsonValueKind.True;
        }
        return null;
    }
}
