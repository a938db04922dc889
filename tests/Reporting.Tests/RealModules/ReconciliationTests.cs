using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Training.Reporting.Tests.RealModules;

/// <summary>Issue 10, item 13: a target's total equals the sum of its unit rows, or the page says why (a person with posts
/// in two rows counts in each row and once in the total; people placed in the unit itself get their own row); the unit
/// tree counts each person once. Figures through the real Organisation and Certification modules (see <see cref="RealWorld"/>).</summary>
public sealed partial class ReconciliationTests
{
    private sealed record Row(string Name, int Population, int Certified, string Percent);

    private static List<Row> Rows(string html) => RowPattern().Matches(html).Select(m => new Row(
        WebUtility.HtmlDecode(Regex.Replace(m.Groups["name"].Value, "<[^>]+>", "")).Trim(),
        int.Parse(m.Groups["pop"].Value), int.Parse(m.Groups["cert"].Value), WebUtility.HtmlDecode(m.Groups["pct"].Value))).ToList();

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task DashboardRowsAddUpToTheTotalLessTheSharedPostsAndSayWhy(TestDatabase database)
    {
        using var world = await RealWorld.CreateAsync(database);

        var response = await world.Admin.GetAsync($"/hr/plans/targets/{world.TargetId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var rows = Rows(html);
        Assert.Equal(
        [
            new("Phòng A", 0, 0, "—"), new("Trường 1", 4, 2, "50,0 %"), new("Trường 2", 3, 1, "33,3 %"),
            new("Trực tiếp tại Sở Giáo dục Thử nghiệm (không thuộc đơn vị trực thuộc nào)", 2, 1, "50,0 %"),
        ], rows);
        Assert.Contains("<p class=\"big\">37,5 %</p><p>3 / 8 người</p>", html);
        var text = WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", " "));
        Assert.Matches(@"Cộng các dòng\s+9\s+4", text);
        Assert.Matches(@"Trừ: người có vị trí ở nhiều dòng trên \(1 người\)\s+1\s+1", text);
        Assert.Matches(@"Tổng Sở Giáo dục Thử nghiệm\s+8\s+3\s+37,5 %", text);
        Assert.Equal(8, rows.Sum(r => r.Population) - 1);
        Assert.Contains("Không có người thuộc đối tượng", html);
    }

    [Fact]
    public async Task ApiAndUnitsExportCarryTheSameFiguresAndTheReconcilingLine()
    {
        using var world = await RealWorld.CreateAsync();

        var csv = await world.Admin.GetAsync($"/hr/plans/targets/{world.TargetId}/units.csv");
        var key = await world.Admin.CreateApiKeyAsync(world.So.Id);
        var api = world.App.CreateClient();
        api.DefaultRequestHeaders.Add("X-Api-Key", key);
        var coverage = await api.GetAsync($"/api/reports/coverage?target={world.TargetId}");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = ExportFiles.CsvRows(await csv.Content.ReadAsByteArrayAsync())
            .Select(r => (Path: r["Đường dẫn đơn vị"], Name: r["Đơn vị"], Population: int.Parse(r["Số người"]), Certified: int.Parse(r["Có chứng chỉ"]),
                Percent: r["Độ bao phủ (%)"]))
            .ToList();
        Assert.Equal(
        [
            ("Sở Giáo dục Thử nghiệm", "Sở Giáo dục Thử nghiệm", 8, 3, "37.5"),
            ("Sở Giáo dục Thử nghiệm > Phòng A", "Phòng A", 0, 0, "—"),
            ("Sở Giáo dục Thử nghiệm > Trường 1", "Trường 1", 4, 2, "50.0"),
            ("Sở Giáo dục Thử nghiệm > Trường 2", "Trường 2", 3, 1, "33.3"),
            ("Sở Giáo dục Thử nghiệm", "Trực tiếp tại Sở Giáo dục Thử nghiệm", 2, 1, "50.0"),
            ("Sở Giáo dục Thử nghiệm", "Trừ: 1 người có vị trí ở nhiều dòng trên", 1, 1, ""),
        ], lines);
        Assert.Equal(lines[0].Population, lines.Skip(1).SkipLast(1).Sum(l => l.Population) - lines[^1].Population);
        Assert.Equal(lines[0].Certified, lines.Skip(1).SkipLast(1).Sum(l => l.Certified) - lines[^1].Certified);
        Assert.DoesNotContain(lines, l => Regex.IsMatch(l.Path + l.Name, "^T[0-9A-F]{10}$"));

        Assert.Equal(HttpStatusCode.OK, coverage.StatusCode);
        var body = await coverage.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(8, body.GetProperty("unit").GetProperty("population").GetInt32());
        Assert.Equal(3, body.GetProperty("unit").GetProperty("certified").GetInt32());
        Assert.Equal(37.5m, body.GetProperty("unit").GetProperty("percent").GetDecimal());
        var children = body.GetProperty("children").EnumerateArray().ToList();
        Assert.Equal([0, 4, 3, 2], children.Select(c => c.GetProperty("population").GetInt32()));
        Assert.Equal(JsonValueKind.Null, children[0].GetProperty("percent").ValueKind);
        Assert.True(children[3].GetProperty("direct").GetBoolean());
        var totals = body.GetProperty("totals");
        Assert.Equal((9, 4, 1, 1, 1), (totals.GetProperty("rowsPopulation").GetInt32(), totals.GetProperty("rowsCertified").GetInt32(),
            totals.GetProperty("sharedPeople").GetInt32(), totals.GetProperty("extraPopulation").GetInt32(), totals.GetProperty("extraCertified").GetInt32()));
    }

    [Fact]
    public async Task DirectRowListsThePeoplePlacedInTheUnitItself()
    {
        using var world = await RealWorld.CreateAsync();

        var response = await world.Admin.GetAsync($"/hr/plans/targets/{world.TargetId}/people?unit={world.So.Id}&direct=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Trực tiếp tại Sở Giáo dục Thử nghiệm", html);
        Assert.Contains("Giáo viên D1", html);
        Assert.Contains("Giáo viên D2", html);
        Assert.DoesNotContain("Giáo viên T1A", html);
        Assert.Contains("Tất cả (2)", html);
        Assert.Contains("Đã có chứng chỉ (1)", html);
    }

    [Fact]
    public async Task UnitTreeCountsEachPersonOnceHoweverManyPostsTheyHold()
    {
        using var world = await RealWorld.CreateAsync();

        var response = await world.Admin.GetAsync("/admin/units");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = WebUtility.HtmlDecode(Regex.Replace(await response.Content.ReadAsStringAsync(), "<[^>]+>", " "));
        // Sở: the 8 teachers (K once), the staff member X and the HR user; Trường 2 counts K, who also holds a post in Trường 1.
        Assert.Matches(@"Sở Giáo dục Thử nghiệm\s+Đơn vị\s+10 cán bộ", text);
        Assert.Matches(@"Trường 1\s+Đơn vị\s+5 cán bộ", text);
        Assert.Matches(@"Trường 2\s+Đơn vị\s+3 cán bộ", text);
    }

    [GeneratedRegex(@"<tr[^>]*>\s*<td>(?<name>(?:(?!</td>).)*)</td>\s*<td>(?<pop>\d+)</td><td>(?<cert>\d+)</td><td>(?<pct>[^<]*)</td>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();
}
