using System.Net;
using System.Text;
using Training.Abstractions.Security;

namespace Training.Organisation.Tests.Pages;

public sealed class HrScopingTests
{
    [Fact]
    public async Task HrOfOneSubtreeNeverSeesPeopleOfAnother()
    {
        using var app = new TrainingApp();
        var ninhBinh = await app.CreateUnitAsync("Sở Ninh Bình");
        var school = await app.CreateUnitAsync("Trường THPT Hoa Lư A", ninhBinh);
        var catHai = await app.CreateUnitAsync("UBND huyện Cát Hải");
        await app.CreateUserAsync("hrnb", BuiltInRoles.HR, ninhBinh, scope: ninhBinh);
        await app.CreateUserAsync("gvnb", BuiltInRoles.Learner, school, fullName: "Nguyễn Thị Trong Phạm Vi");
        await app.CreateUserAsync("gvch", BuiltInRoles.Learner, catHai, fullName: "Trần Văn Ngoài Phạm Vi");
        var client = app.CreateBrowser();
        await client.SignInAsync("hrnb");

        var response = await client.GetAsync("/hr/staff");
        var filtered = await client.GetAsync($"/hr/staff?unit={catHai.Id}");
        var searched = await client.GetAsync("/hr/staff?q=" + Uri.EscapeDataString("Ngoài Phạm Vi"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Nguyễn Thị Trong Phạm Vi", html);
        Assert.Contains("Tổng số: 2", html); // hrnb and gvnb
        Assert.DoesNotContain("Trần Văn Ngoài Phạm Vi", html);
        Assert.DoesNotContain("UBND huyện Cát Hải", html);
        // A unit outside the scope in the query falls back to the whole scope, never to the other unit.
        Assert.Equal(HttpStatusCode.OK, filtered.StatusCode);
        var filteredHtml = await filtered.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Trần Văn Ngoài Phạm Vi", filteredHtml);
        Assert.Contains("Tổng số: 2", filteredHtml);
        Assert.Equal(HttpStatusCode.OK, searched.StatusCode);
        Assert.Contains("Tổng số: 0", await searched.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task ChoosingAUnitInScopeListsItsWholeSubtreeAndNothingBeside(TestDatabase database)
    {
        using var app = new TrainingApp(database: database);
        var ninhBinh = await app.CreateUnitAsync("Sở Ninh Bình");
        var school = await app.CreateUnitAsync("Trường THPT Hoa Lư A", ninhBinh);
        var team = await app.CreateUnitAsync("Tổ Toán", school);
        var other = await app.CreateUnitAsync("Trường THPT Kim Sơn", ninhBinh);
        await app.CreateUserAsync("hrnb", BuiltInRoles.HR, ninhBinh, scope: ninhBinh);
        await app.CreateUserAsync("gv1", BuiltInRoles.Learner, school, fullName: "Nguyễn Thị Trường");
        await app.CreateUserAsync("gv2", BuiltInRoles.Learner, team, fullName: "Lê Văn Tổ");
        await app.CreateUserAsync("gv3", BuiltInRoles.Learner, other, fullName: "Trần Văn Bên Cạnh");
        var client = app.CreateBrowser();
        await client.SignInAsync("hrnb");

        var response = await client.GetAsync($"/hr/staff?unit={school.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Tổng số: 2", html);
        Assert.Contains("Nguyễn Thị Trường", html);
        Assert.Contains("Lê Văn Tổ", html);
        Assert.DoesNotContain("Trần Văn Bên Cạnh", html);
    }

    [Fact]
    public async Task AdministratorSeesEveryUnit()
    {
        using var app = new TrainingApp();
        var catHai = await app.CreateUnitAsync("UBND huyện Cát Hải");
        await app.CreateUserAsync("root", BuiltInRoles.Administrator);
        await app.CreateUserAsync("gvch", BuiltInRoles.Learner, catHai, fullName: "Trần Văn Cát Hải");
        var client = app.CreateBrowser();
        await client.SignInAsync("root");

        var response = await client.GetAsync("/hr/staff");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Trần Văn Cát Hải", html);
        Assert.Contains("UBND huyện Cát Hải", html);
    }

    [Fact]
    public async Task StaffSearchMatchesAQueryTypedInDecomposedUnicode()
    {
        using var app = new TrainingApp();
        var school = await app.CreateUnitAsync("Trường THPT Hoa Lư A");
        await app.CreateUserAsync("hr", BuiltInRoles.HR, school, scope: school);
        await app.CreateUserAsync("gv1", BuiltInRoles.Learner, school, fullName: "Nguyễn Thị Thủy");
        await app.CreateUserAsync("gv2", BuiltInRoles.Learner, school, fullName: "Trần Văn Bình");
        var client = app.CreateBrowser();
        await client.SignInAsync("hr");
        var nfd = "Thị Thủy".Normalize(NormalizationForm.FormD);
        Assert.NotEqual("Thị Thủy", nfd);

        var response = await client.GetAsync("/hr/staff?q=" + Uri.EscapeDataString(nfd));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Tổng số: 1", html);
        Assert.Contains("Nguyễn Thị Thủy", html);
        Assert.DoesNotContain("Trần Văn Bình", html);
    }

    [Fact]
    public async Task AnOverlongSearchIsRefusedWithTheLimitNamed()
    {
        using var app = new TrainingApp();
        var school = await app.CreateUnitAsync("Trường THPT Hoa Lư A");
        await app.CreateUserAsync("hr", BuiltInRoles.HR, school, scope: school);
        var client = app.CreateBrowser();
        await client.SignInAsync("hr");

        var response = await client.GetAsync("/hr/staff?q=" + new string('a', 501));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Từ khóa tìm kiếm dài 501 ký tự, tối đa 500.", System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}
