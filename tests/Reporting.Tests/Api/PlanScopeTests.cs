using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Training.Reporting.Data;

namespace Training.Reporting.Tests.Api;

/// <summary>Issue 10, items 6 and 16: a plan is visible to an HR user or an API key when its reporting unit lies in their
/// subtree or above it, never a sibling's; plans of no unit are for administrators only.</summary>
public sealed partial class PlanScopeTests
{
    private static Plan PlanOf(string title, Guid? unit) => new()
    {
        Id = Guid.NewGuid(), Title = title, Issuer = "Cơ quan", FromYear = 2024, ToYear = 2030, UnitId = unit,
        Targets = { new PlanTarget { Id = Guid.NewGuid(), Ordinal = 1, Indicator = "Chỉ tiêu của " + title, Kind = TargetKind.StaffCertified, UnitId = unit, ProgrammeCodes = "CT-KPL" } },
    };

    private static async Task<(World World, Plan SoA, Plan SoB, Plan School, Plan Reference)> ArrangeAsync(TestDatabase database)
    {
        var world = await World.CreateAsync(database: database);
        var soA = PlanOf("Kế hoạch Sở A", world.SoA.Id);
        var soB = PlanOf("Kế hoạch Sở B", world.SoB.Id);
        var school = PlanOf("Kế hoạch Trường A1", world.SchoolA1.Id);
        var reference = PlanOf("Kế hoạch tỉnh khác", null);
        foreach (var plan in new[] { soA, soB, school, reference }) await world.SavePlanAsync(plan);
        return (world, soA, soB, school, reference);
    }

    private static async Task<string> KeyAsync(World world, Guid unit)
    {
        var admin = world.App.CreateBrowser();
        await admin.SignInAsync("admin1");
        return await admin.CreateApiKeyAsync(unit);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task ApiKeyOfOneSchoolGetsThePlansOfItsSchoolAndOfTheUnitsAboveItOnly(TestDatabase database)
    {
        var (world, soA, soB, school, reference) = await ArrangeAsync(database);
        using var _ = world;
        var api = world.App.CreateClient();
        api.DefaultRequestHeaders.Add("X-Api-Key", await KeyAsync(world, world.SchoolA1.Id));

        var response = await api.GetAsync("/api/plans");
        var sibling = await api.GetAsync($"/api/reports/coverage?target={soB.Targets[0].Id}");
        var above = await api.GetAsync($"/api/reports/coverage?target={soA.Targets[0].Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var titles = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(p => p.GetProperty("title").GetString()).Order().ToList();
        Assert.Equal(new[] { "Kế hoạch Sở A", "Kế hoạch thử nghiệm", "Kế hoạch Trường A1" }.Order(), titles);
        Assert.Equal(HttpStatusCode.NotFound, sibling.StatusCode);
        Assert.Equal(HttpStatusCode.OK, above.StatusCode);
        // A plan above the key's unit shows only the key's part of it.
        Assert.Equal("Trường A1", (await above.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("unit").GetProperty("name").GetString());
        Assert.DoesNotContain(reference.Title, titles);
        Assert.DoesNotContain(soB.Title, titles);
        Assert.Contains(school.Title, titles);
    }

    [Fact]
    public async Task HrSeesTheirOwnAndAncestorPlansAndNeverASiblingsInPagesAndExports()
    {
        var (world, soA, soB, school, reference) = await ArrangeAsync(TestDatabase.Sqlite);
        using var _ = world;
        var hra = world.App.CreateBrowser();
        await hra.SignInAsync("hra");

        var index = await hra.GetAsync("/hr/plans");
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        var html = await index.Content.ReadAsStringAsync();
        foreach (var visible in new[] { world.Plan, soA, school }) Assert.Contains($"href=\"/hr/plans/{visible.Id}\"", html);
        foreach (var hidden in new[] { soB, reference }) Assert.DoesNotContain(hidden.Id.ToString(), html);

        var target = soB.Targets[0].Id;
        foreach (var url in new[]
        {
            $"/hr/plans/{soB.Id}", $"/hr/plans/{reference.Id}", $"/hr/plans/targets/{target}", $"/hr/plans/targets/{target}/people",
            $"/hr/plans/targets/{target}/people.csv", $"/hr/plans/targets/{target}/units.xlsx", $"/hr/plans/{soB.Id}/report.xlsx",
            $"/hr/plans/{soB.Id}/report.pdf", $"/hr/plans/edit/{soB.Id}", $"/hr/plans/{soB.Id}/targets/edit",
        })
        {
            Assert.True((await hra.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
        }
        Assert.Equal(HttpStatusCode.OK, (await hra.GetAsync($"/hr/plans/{soA.Id}")).StatusCode);
    }

    [Fact]
    public async Task AdministratorsSeeEveryPlanAndReferencePlansAreMarked()
    {
        var (world, _, soB, _, reference) = await ArrangeAsync(TestDatabase.Sqlite);
        using var _w = world;
        var admin = world.App.CreateBrowser();
        await admin.SignInAsync("admin1");

        var response = await admin.GetAsync("/hr/plans");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/hr/plans/{soB.Id}\"", html);
        var row = Regex.Match(html, $"href=\"/hr/plans/{reference.Id}\">[^<]+</a>(.*?)</td>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("Tham khảo", row);
    }
}
