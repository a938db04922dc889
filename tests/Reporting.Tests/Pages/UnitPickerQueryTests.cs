using System.Net;

namespace Training.Reporting.Tests.Pages;

/// <summary>The unit picker's search box on the Reporting forms (API keys, plan, target) is bound like on the other pages:
/// a no-script search shows what was typed with the matches, and a form sent back with errors shows the chosen unit.</summary>
public sealed class UnitPickerQueryTests
{
    public static TheoryData<string, string, string, string> Forms => new()
    {
        { "/admin/api-keys", "?handler=Create", "UnitId", "Name" },
        { "/hr/plans/edit", "", "Input.UnitId", "Input.Title" },
        { "/hr/plans/{plan}/targets/edit", "", "Input.UnitId", "Input.Indicator" },
    };

    private static async Task<(World World, HttpClient Admin)> CreateAsync()
    {
        var world = await World.CreateAsync();
        var admin = world.App.CreateBrowser();
        await admin.SignInAsync("admin1");
        return (world, admin);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task ANoScriptSearchShowsTheQueryWithItsMatches(string page, string handler, string field, string _)
    {
        var (world, admin) = await CreateAsync();
        using var __ = world;
        var url = page.Replace("{plan}", world.Plan.Id.ToString());

        var response = await admin.PostFormAsync(url, new Dictionary<string, string> { [field + "_q"] = "A1", ["unitpicker_find"] = field },
            action: url + handler);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"name=\"{field}_q\" value=\"A1\"", html);
        Assert.Contains("Trường A1", html);
        Assert.DoesNotContain("Trường B1", html);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task AFormSentBackWithAnErrorShowsTheChosenUnitInTheSearchBox(string page, string handler, string field, string required)
    {
        var (world, admin) = await CreateAsync();
        using var __ = world;
        var url = page.Replace("{plan}", world.Plan.Id.ToString());

        // The required text is missing; the unit was chosen, the search box was not sent.
        var response = await admin.PostFormAsync(url, new Dictionary<string, string> { [field] = world.SchoolA1.Id.ToString(), [required] = "" },
            action: url + handler);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"name=\"{field}_q\" value=\"Trường A1\"", html);
    }
}
