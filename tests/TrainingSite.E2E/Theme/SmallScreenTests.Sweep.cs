using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Navigation;
using Training.E2E.Infrastructure;

namespace Training.E2E.Theme;

/// <summary>Every menu page of every role, and one of each kind of detail page they link to, at a phone's width
/// (390×844) and at desktop width (1280): the page never scrolls sideways (tables scroll inside their own box),
/// no form control sticks out of its panel, on the phone the header stays short and every control is big enough to tap, and no page logs a console error
/// (a CSP violation would). Full-page screenshots go to artifacts/e2e/screens/390 and /1280 for people to look at.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SmallScreenTests(BrowserFixture browser, SweepSite sweep) : IClassFixture<SweepSite>
{
    private static readonly string[] Roles = ["anonymous", "learner", "trainer", "hr", "admin"];

    /// <summary>The legal search with results, where the facets are (the menu links the empty search page).</summary>
    private const string LegalSearch = "/legal?q=an+ninh+mang";

    /// <summary>Before the fix the folded-out menu alone took 280–415 px; the header with the menu folded is ~70 px.</summary>
    private const int MaxPhoneHeader = 120;

    [Fact]
    public async Task EveryMenuPageOfEveryRoleFitsAPhoneAndADesktopWithoutSidewaysScroll()
    {
        foreach (var width in new[] { LayoutProbe.PhoneWidth, LayoutProbe.DesktopWidth })
        {
            var old = Path.Combine(Journey.Artifacts, "screens", width.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        }
        var problems = new List<string>();
        var fromMenus = new HashSet<string>();
        var visited = new HashSet<string>();
        foreach (var role in Roles)
        {
            var page = await NewPageAsync(LayoutProbe.PhoneWidth, LayoutProbe.PhoneHeight);
            page.Console += (_, message) => { if (message.Type == "error") problems.Add($"{role} {page.Url}: console error {message.Text}"); };
            if (role != "anonymous") await page.LoginAsync(role);
            string[] starts = role == "learner" ? [LegalSearch, await StartAQuizAsync(page)] : [LegalSearch];

            var pages = await PageSweep.VisitAsync(page, starts,
                (path, response) => CheckAsync(page, role, path, response, phone: true, problems));
            await page.SetViewportSizeAsync(LayoutProbe.DesktopWidth, LayoutProbe.DesktopHeight);
            foreach (var swept in pages)
                await CheckAsync(page, role, swept.Path, await page.GotoAsync(swept.Path), phone: false, problems);

            fromMenus.UnionWith(pages.Where(p => p.FromMenu).Select(p => p.Path));
            visited.UnionWith(pages.Select(p => PageSweep.Slug(p.Path)));
            await page.Context.CloseAsync();
        }

        // Every page a module puts in a menu was reached from the rendered menus of some role.
        var menuItems = sweep.Site.Services.GetServices<IMenuProvider>().SelectMany(p => p.GetItems())
            .Where(i => i.Area != MenuArea.Home).Select(i => i.Url).Distinct().ToList();
        Assert.Empty(menuItems.Except(fromMenus));
        // The detail pages the issue names were among them (the demo data links to each) and the learner's quiz.
        foreach (var kind in new[] { "courses-", "courses-KPL-01-quiz", "learning-attempts-id", "authoring-id", "hr-certificates-id", "hr-plans-id", "hr-plans-targets-id", "verify-code", "legal-", "authoring-id-media", "hr-audiences-edit-id" })
            Assert.Contains(visited, d => d.StartsWith(kind, StringComparison.Ordinal));
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join("\n", problems));
    }

    /// <summary>Makes sure the learner is enrolled in KPL-01 and starts its quiz, so that the learner's pages with
    /// content (progress, the quiz page, a quiz attempt) join the sweep. Returns the attempt's path. The demo's
    /// audiences may already have enrolled the learner (then the course page offers no enrol button).</summary>
    private static async Task<string> StartAQuizAsync(IPage page)
    {
        await page.GotoAsync("/courses/KPL-01");
        var enrol = page.GetByRole(AriaRole.Button, new() { Name = "Ghi danh và bắt đầu học" });
        if (await enrol.CountAsync() > 0) await enrol.ClickAsync();
        await page.GotoAsync("/courses/KPL-01/quiz");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu làm bài" }).ClickAsync();
        await page.WaitForURLAsync("**/learning/attempts/**");
        return new Uri(page.Url).AbsolutePath;
    }

    private static async Task CheckAsync(IPage page, string role, string path, IResponse? response, bool phone, List<string> problems)
    {
        var width = phone ? LayoutProbe.PhoneWidth : LayoutProbe.DesktopWidth;
        var where = $"{role} {path} at {width} px";
        if (response?.Status != 200) problems.Add($"{where}: status {response?.Status}");
        var sideways = await LayoutProbe.SidewaysScrollAsync(page);
        if (sideways > 0)
            problems.Add($"{where}: scrolls {sideways} px sideways ({string.Join(", ", await LayoutProbe.OverflowingAsync(page))})");
        foreach (var spill in await LayoutProbe.SpillingControlsAsync(page)) problems.Add($"{where}: {spill}");
        if (phone)
        {
            var header = await LayoutProbe.HeaderHeightAsync(page);
            if (header > MaxPhoneHeader) problems.Add($"{where}: header {header} px tall");
            foreach (var small in await LayoutProbe.SmallTapTargetsAsync(page)) problems.Add($"{where}: small tap target {small}");
        }

        var folder = Path.Combine("screens", width.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(Path.Combine(Journey.Artifacts, folder));
        await page.ScreenshotAsync(Path.Combine(folder, $"{role}-{PageSweep.Slug(path)}"));
    }
}
