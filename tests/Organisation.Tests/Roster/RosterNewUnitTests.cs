using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Organisation.Data;
using Training.Organisation.Roster;
using static Training.Organisation.Tests.Roster.RosterWorld;

namespace Training.Organisation.Tests.Roster;

/// <summary>Issue 10, item 10: several people into a new unit; new units are shown and confirmed before anything is
/// written (page), or created only with createUnits=true (API).</summary>
public sealed partial class RosterNewUnitTests
{
    private const string NewSchool = NinhBinh + " > Trường THPT Mới";

    [Fact]
    public async Task HrConfirmsTheNewUnitThenSeveralPeopleAreImportedIntoIt()
    {
        using var world = await CreateAsync();
        var hr = await world.SignedInAsync("hr");
        var (users, units) = (await world.App.CountUsersAsync(), await world.UnitCountAsync());

        var preview = await UploadAsync(hr, Header +
            $"NB1001,Phạm Văn Một,,{NewSchool},,Giáo viên,giáo viên\n" +
            $"NB1002,Phạm Văn Hai,,{NewSchool},,Giáo viên,giáo viên\n" +
            $"NB1003,Phạm Văn Ba,,{NewSchool} > Tổ Toán,,Giáo viên,giáo viên\n");

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        Assert.Contains("Tệp hợp lệ nhưng sẽ tạo 2 đơn vị mới. Chưa có dữ liệu nào được ghi.", html);
        Assert.Contains($"<td>2</td><td>{NewSchool}</td>", html);
        Assert.Contains($"<td>4</td><td>{NewSchool} > Tổ Toán</td>", html);
        Assert.DoesNotContain("ngoài phạm vi", html);
        Assert.Equal((users, units), (await world.App.CountUsersAsync(), await world.UnitCountAsync()));

        var confirmed = await ConfirmAsync(hr, html);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Đã nhập xong: 3 cán bộ mới, 0 cập nhật, 0 không đổi, 2 đơn vị mới.", WebUtility.HtmlDecode(await confirmed.Content.ReadAsStringAsync()));
        Assert.Equal((users + 3, units + 2), (await world.App.CountUsersAsync(), await world.UnitCountAsync()));
        Assert.Equal(HttpStatusCode.Gone, (await ConfirmAsync(hr, html)).StatusCode); // a draft is used once
    }

    [Fact]
    public async Task ATypoInAUnitPathIsShownWithTheCloseExistingUnit()
    {
        using var world = await CreateAsync();
        var hr = await world.SignedInAsync("hr");

        var preview = await UploadAsync(hr, Header + $"NB1001,Phạm Văn Một,,{NinhBinh} > Trường THPT Hoa Lu A,,,\n");

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        Assert.Contains($"<td>{NinhBinh} > Trường THPT Hoa Lu A</td>", html);
        Assert.Contains($"Có phải</span> {HoaLuA}", html);
        var cancel = await hr.PostAsync("/hr/roster?handler=Cancel", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["draft"] = Field(html, "draft"), ["__RequestVerificationToken"] = Browser.Token(html),
        }));
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await ConfirmAsync(hr, html)).StatusCode);
        Assert.Equal(4, await world.UnitCountAsync());
    }

    [Fact]
    public async Task AConfirmationCoversOnlyTheUnitsShownAndOnlyItsUploader()
    {
        using var world = await CreateAsync();
        var hr = await world.SignedInAsync("hr");
        var preview = WebUtility.HtmlDecode(await (await UploadAsync(hr, Header + $"NB1001,Phạm Văn Một,,{NewSchool},,,\n")).Content.ReadAsStringAsync());

        var forged = await hr.PostAsync("/hr/roster?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["draft"] = Field(preview, "draft"), ["units"] = "0000", ["__RequestVerificationToken"] = Browser.Token(preview),
        }));
        var admin = await world.SignedInAsync("admin");
        var adminPage = await (await admin.GetAsync("/hr/roster")).Content.ReadAsStringAsync();
        var stranger = await admin.PostAsync("/hr/roster?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["draft"] = Field(preview, "draft"), ["units"] = Field(preview, "units"), ["__RequestVerificationToken"] = Browser.Token(adminPage),
        }));

        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("Tệp hợp lệ nhưng sẽ tạo 1 đơn vị mới.", WebUtility.HtmlDecode(await forged.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Gone, stranger.StatusCode);
        Assert.Equal(4, await world.UnitCountAsync());
        Assert.Equal(HttpStatusCode.OK, (await ConfirmAsync(hr, preview)).StatusCode);
        Assert.Equal(5, await world.UnitCountAsync());
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task ApiCreatesUnitsOnlyWhenAskedAndNamesThemOtherwise(TestDatabase database)
    {
        using var world = await CreateAsync(database);
        var api = await world.ApiAsync(world.Nb);
        const string file = Header + "NB1001,Phạm Văn Một,,Sở Giáo dục và Đào tạo Ninh Bình > Trường THPT Hoa Lu A,,,\n";

        var refused = await api.PostAsync("/api/roster", Csv(file));
        var created = await api.PostAsync("/api/roster?createUnits=true", Csv(file));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var body = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["Sở Giáo dục và Đào tạo Ninh Bình > Trường THPT Hoa Lu A"], body.GetProperty("newUnits").EnumerateArray().Select(u => u.GetString()));
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal((2, "Đơn vị"), (error.GetProperty("line").GetInt32(), error.GetProperty("column").GetString()));
        Assert.Contains("createUnits=true", error.GetProperty("message").GetString());
        Assert.Contains("Có phải là «Sở Giáo dục và Đào tạo Ninh Bình > Trường THPT Hoa Lư A»?", error.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var counts = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, 1), (counts.GetProperty("created").GetInt32(), counts.GetProperty("unitsCreated").GetInt32()));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task TenThousandPeopleGoIntoOneNewUnitOfTheHrScope(TestDatabase database)
    {
        using var world = await CreateAsync(database);
        var csv = new StringBuilder(Header);
        for (var i = 1; i <= 10_000; i++) csv.Append($"NB{i:00000},Nguyễn Văn Số,nb{i}@nb.edu.vn,{NewSchool},,Giáo viên,giáo viên\n");
        var scope = new Abstractions.Organisation.UnitScope(false, world.Nb.Id, new HashSet<Guid> { world.Nb.Id, world.HoaLu.Id });

        var result = await world.App.WithScopeAsync(sp => sp.GetRequiredService<RosterImporter>()
            .ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), RosterAuthority.ForSubtree(scope), RosterImportOptions.CreatingUnits));

        Assert.Empty(result.Errors);
        Assert.Equal((10_000, 1), (result.Created, result.UnitsCreated));
        var counts = await world.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganisationDbContext>();
            var unit = await db.Units.SingleAsync(u => u.Name == "Trường THPT Mới");
            return (await db.Memberships.CountAsync(m => m.UnitId == unit.Id && m.IsPrimary), await db.UserRoles.CountAsync(),
                await db.Users.CountAsync(u => u.SecurityStamp != null && u.ConcurrencyStamp != null && u.NormalizedEmail == u.Email!.ToUpper()));
        });
        Assert.Equal((10_000, 10_006, 10_006), counts);
    }

    private static async Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string previewHtml) =>
        await client.PostAsync("/hr/roster?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["draft"] = Field(previewHtml, "draft"), ["units"] = Field(previewHtml, "units"), ["__RequestVerificationToken"] = Browser.Token(previewHtml),
        }));

    private static string Field(string html, string name) =>
        Regex.Match(html, $"name=\"{name}\" value=\"([^\"]*)\"").Groups[1].Value;
}
