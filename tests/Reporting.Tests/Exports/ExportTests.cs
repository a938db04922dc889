using System.Net;
using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace Training.Reporting.Tests.Exports;

public sealed class ExportTests
{
    [Fact]
    public async Task PeopleCsvHasBomAndReadsBackWithCsvHelper()
    {
        using var world = await World.CreateAsync();
        world.Ledger.Issue(world.Teachers["gva1"].Id, world.Programme, new(2025, 6, 1), expiresOn: new(2027, 6, 1));
        await world.SyncAsync();
        var client = world.App.CreateBrowser();
        await client.SignInAsync("hra");

        var response = await client.GetAsync($"/hr/plans/targets/{world.Target.Id}/people.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        using var csv = CsvReader.FromText(Encoding.UTF8.GetString(bytes.AsSpan(3)));
        csv.ReadHeader();
        var rows = new List<(string Code, string Name, string Status, string Until)>();
        while (csv.Read()) rows.Add((csv.GetString("Mã cán bộ"), csv.GetString("Họ và tên"), csv.GetString("Tình trạng"), csv.GetString("Hiệu lực đến")));
        Assert.Equal(4, rows.Count);
        Assert.Contains(("GVA1", "Giáo viên GVA1", "Đã có chứng chỉ", "01/06/2027"), rows);
        Assert.DoesNotContain(rows, r => r.Code.StartsWith("GVB", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task PeopleXlsxReadsBackWithMiniExcelAndKeepsFilters(TestDatabase database)
    {
        using var world = await World.CreateAsync(database: database);
        world.Ledger.Issue(world.Teachers["gva1"].Id, world.Programme, new(2025, 6, 1));
        await world.SyncAsync();
        var client = world.App.CreateBrowser();
        await client.SignInAsync("hra");

        var response = await client.GetAsync($"/hr/plans/targets/{world.Target.Id}/people.xlsx?status=NotStarted");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal("Chưa bắt đầu", r["Tình trạng"]));
        Assert.Contains(rows, r => (string)r["Họ và tên"] == "Giáo viên GVA4");
    }

    [Fact]
    public async Task UnitsCsvListsTheUnitAndItsChildrenWithMilestoneStatus()
    {
        using var world = await World.CreateAsync();
        world.Ledger.Issue(world.Teachers["gva1"].Id, world.Programme, new(2025, 6, 1));
        await world.SyncAsync();
        var client = world.App.CreateBrowser();
        await client.SignInAsync("admin1");

        var response = await client.GetAsync($"/hr/plans/targets/{world.Target.Id}/units.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync()).AsSpan(3));
        using var csv = CsvReader.FromText(text);
        csv.ReadHeader();
        var units = new Dictionary<string, string>();
        while (csv.Read()) units[csv.GetString("Đơn vị")] = csv.GetString("Độ bao phủ (%)") + "|" + csv.GetString("Mốc 80 % đến 31/12/2025");
        Assert.Equal("16.7|Không đạt", units["UBND tỉnh"]);
        Assert.Equal("25.0|Không đạt", units["Sở A"]);
        Assert.Equal("0.0|Không đạt", units["Sở B"]);
    }
}
