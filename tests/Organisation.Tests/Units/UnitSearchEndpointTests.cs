using System.Net;
using System.Text.Json;
using Training.Abstractions.Security;

namespace Training.Organisation.Tests.Units;

/// <summary>The unit picker's search endpoint (issue 11, 20,000 units): folded names, codes, paths, pages, and scope.</summary>
public sealed class UnitSearchEndpointTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task SearchWithoutDiacriticsFindsSameNamedSchoolsAndTellsThemApartByPath(TestDatabase database)
    {
        using var app = new TrainingApp(database: database);
        var so = await app.CreateUnitAsync("Sở Giáo dục và Đào tạo Ninh Bình");
        var phongA = await app.CreateUnitAsync("Phòng Giáo dục huyện Yên Khánh", so);
        var phongB = await app.CreateUnitAsync("Phòng Giáo dục huyện Kim Sơn", so);
        var one = await app.CreateUnitAsync("Trường Tiểu học Đồng Hướng", phongA);
        var two = await app.CreateUnitAsync("Trường Tiểu học Đồng Hướng", phongB);
        await app.CreateUnitAsync("Trường THCS Lê Lợi", phongB);
        await app.CreateUserAsync("root", BuiltInRoles.Administrator, so);
        var client = app.CreateBrowser();
        await client.SignInAsync("root");

        var found = await SearchAsync(client, "truong tieu hoc dong huong");
        Assert.Equal(2, found.GetProperty("total").GetInt32());
        var paths = found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("path").GetString()).Order().ToList();
        Assert.Equal(
        [
            "Sở Giáo dục và Đào tạo Ninh Bình › Phòng Giáo dục huyện Kim Sơn › Trường Tiểu học Đồng Hướng",
            "Sở Giáo dục và Đào tạo Ninh Bình › Phòng Giáo dục huyện Yên Khánh › Trường Tiểu học Đồng Hướng",
        ], paths);
        // Words may name an ancestor: "kim son dong huong" is the one under Kim Sơn.
        var narrowed = await SearchAsync(client, "kim son dong huong");
        Assert.Equal(two.Id, Assert.Single(narrowed.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        // With diacritics, and by code (the exact code comes first).
        var accented = await SearchAsync(client, "Đồng Hướng");
        Assert.Equal(2, accented.GetProperty("total").GetInt32());
        var byCode = await SearchAsync(client, one.Code.ToLowerInvariant());
        Assert.Equal(one.Id, byCode.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Equal(0, (await SearchAsync(client, "khong co truong nao")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task HrOfOneSoNeverFindsAnotherSosUnitsAndOthersAreRefused()
    {
        using var app = new TrainingApp();
        var ninhBinh = await app.CreateUnitAsync("Sở Giáo dục và Đào tạo Ninh Bình");
        await app.CreateUnitAsync("Trường THPT Hoa Lư A", ninhBinh);
        var langSon = await app.CreateUnitAsync("Sở Giáo dục và Đào tạo Lạng Sơn");
        await app.CreateUnitAsync("Trường THPT Hoa Lư B", langSon);
        await app.CreateUserAsync("hrnb", BuiltInRoles.HR, ninhBinh, scope: ninhBinh);
        await app.CreateUserAsync("hrnoscope", BuiltInRoles.HR, ninhBinh);
        await app.CreateUserAsync("gv", BuiltInRoles.Learner, ninhBinh);
        var hr = app.CreateBrowser();
        await hr.SignInAsync("hrnb");

        var hoaLu = await SearchAsync(hr, "hoa lu");
        Assert.Equal(["Sở Giáo dục và Đào tạo Ninh Bình › Trường THPT Hoa Lư A"],
            hoaLu.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("path").GetString()));
        Assert.Equal(0, (await SearchAsync(hr, "lang son")).GetProperty("total").GetInt32());
        Assert.Equal(2, (await SearchAsync(hr, "")).GetProperty("total").GetInt32());

        var anonymous = await app.CreateBrowser().GetAsync("/org/units/search?q=hoa");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.OriginalString);
        foreach (var who in new[] { "gv", "hrnoscope" })
        {
            var client = app.CreateBrowser();
            await client.SignInAsync(who);
            var denied = await client.GetAsync("/org/units/search?q=hoa");
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.Contains("/account/access-denied", denied.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task ResultsComeInPagesOfTwentyAndBadInputIsHandled()
    {
        using var app = new TrainingApp();
        var so = await app.CreateUnitAsync("Sở Nội vụ");
        await UnitSeed.SeedAsync(app, so, 45, i => $"Trường Mầm non số {i:00}");
        await app.CreateUserAsync("root", BuiltInRoles.Administrator, so);
        var client = app.CreateBrowser();
        await client.SignInAsync("root");

        var first = await SearchAsync(client, "mam non");
        Assert.Equal((45, 1, true, 20), (first.GetProperty("total").GetInt32(), first.GetProperty("page").GetInt32(),
            first.GetProperty("hasMore").GetBoolean(), first.GetProperty("items").GetArrayLength()));
        Assert.Equal("Trường Mầm non số 01", first.GetProperty("items")[0].GetProperty("name").GetString());
        var last = await SearchAsync(client, "mam non", "3");
        Assert.Equal((3, false, 5), (last.GetProperty("page").GetInt32(), last.GetProperty("hasMore").GetBoolean(), last.GetProperty("items").GetArrayLength()));
        Assert.Equal("Trường Mầm non số 45", last.GetProperty("items")[4].GetProperty("name").GetString());
        // Out-of-range pages are clamped, an over-long query is cut (and matches nothing), a non-number page is a 400.
        Assert.Equal(1, (await SearchAsync(client, "mam non", "-4")).GetProperty("page").GetInt32());
        Assert.Equal(3, (await SearchAsync(client, "mam non", "999")).GetProperty("page").GetInt32());
        Assert.Equal(0, (await SearchAsync(client, new string('x', 5000))).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/org/units/search?q=a&page=abc")).StatusCode);
    }

    internal static async Task<JsonElement> SearchAsync(HttpClient client, string q, string page = "1")
    {
        var response = await client.GetAsync($"/org/units/search?q={Uri.EscapeDataString(q)}&page={page}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
