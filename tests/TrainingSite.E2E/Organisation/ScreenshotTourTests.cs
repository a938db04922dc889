using Training.E2E.Infrastructure;

namespace Training.E2E.Organisation;

/// <summary>Opens the main page of every module as the role that uses it, checks it answers 200 without
/// a console error, and keeps a full-page screenshot of each under artifacts/e2e/tour for people to look at.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTourTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("learner", new[] { "/courses", "/learning", "/certificates", "/legal", "/verify" })]
    [InlineData("trainer", new[] { "/authoring" })]
    [InlineData("hr", new[] { "/hr", "/hr/staff", "/hr/plans", "/hr/plans/edit", "/hr/certificates", "/hr/assignments", "/notifications" })]
    [InlineData("admin", new[] { "/admin", "/admin/users", "/admin/units", "/admin/programmes", "/admin/api-keys" })]
    public async Task EveryMainPageOpensForItsRole(string user, string[] paths)
    {
        using var site = new LiveSite();
        var page = await browser.NewPageAsync(site);
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add($"{page.Url}: {message.Text}"); };
        await page.LoginAsync(user);

        foreach (var path in paths)
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Status == 200, $"{user} {path} -> {response.Status}");
            var name = path.Trim('/').Replace('/', '-');
            Directory.CreateDirectory(Path.Combine(Journey.Artifacts, "tour"));
            await page.ScreenshotAsync(Path.Combine("tour", $"{user}-{(name.Length == 0 ? "home" : name)}"));
        }

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
