using System.Net;
using System.Text.RegularExpressions;
using Training.Testing;
using static Training.Organisation.Tests.Roster.RosterWorld;

namespace Training.Organisation.Tests.Roster;

/// <summary>Issue 13: a roster draft (upload → preview → confirm) is kept in the shared blob store, not in one node's
/// data folder, so the confirmation may reach another node; the import stays all-or-nothing.</summary>
public sealed class RosterDraftNodesTests
{
    private const string NewSchool = NinhBinh + " > Trường THPT Liên Nút";

    [Fact]
    public async Task ADraftUploadedOnOneNodeIsConfirmedOnAnotherSharingTheDatabase()
    {
        var shared = new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = PostgresTestServer.CreateDatabase() };
        using var a = await CreateAsync(TestDatabase.Postgres, shared);
        using var b = new TrainingApp(database: TestDatabase.Postgres, settings: shared);
        Assert.NotEqual(a.App.DataPath, b.DataPath);
        var (users, units) = (await a.App.CountUsersAsync(), await a.UnitCountAsync());

        var onA = await a.SignedInAsync("hr");
        var preview = await UploadAsync(onA, Header +
            $"NB2001,Vũ Văn Một,,{NewSchool},,Giáo viên,giáo viên\n" +
            $"NB2002,Vũ Văn Hai,,{NewSchool},,Giáo viên,giáo viên\n");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        Assert.Contains("Tệp hợp lệ nhưng sẽ tạo 1 đơn vị mới. Chưa có dữ liệu nào được ghi.", html);
        // Nothing of the draft is in node A's data folder.
        Assert.False(System.IO.Directory.Exists(Path.Combine(a.App.DataPath, "roster-drafts")) && System.IO.Directory.EnumerateFiles(Path.Combine(a.App.DataPath, "roster-drafts")).Any());

        var onB = b.CreateBrowser();
        await onB.SignInAsync("hr");
        var confirm = new Dictionary<string, string>
        {
            ["draft"] = Field(html, "draft"), ["units"] = Field(html, "units"), ["__RequestVerificationToken"] = await onB.GetTokenAsync("/hr/roster"),
        };
        var confirmed = await onB.PostAsync("/hr/roster?handler=Confirm", new FormUrlEncodedContent(confirm));

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Đã nhập xong: 2 cán bộ mới, 0 cập nhật, 0 không đổi, 1 đơn vị mới.", WebUtility.HtmlDecode(await confirmed.Content.ReadAsStringAsync()));
        Assert.Equal((users + 2, units + 1), (await b.CountUsersAsync(), await a.UnitCountAsync()));
        // Used once, on every node.
        confirm["__RequestVerificationToken"] = await onA.GetTokenAsync("/hr/roster");
        Assert.Equal(HttpStatusCode.Gone, (await onA.PostAsync("/hr/roster?handler=Confirm", new FormUrlEncodedContent(confirm))).StatusCode);
    }

    private static string Field(string html, string name) => Regex.Match(html, $"name=\"{name}\" value=\"([^\"]*)\"").Groups[1].Value;
}
