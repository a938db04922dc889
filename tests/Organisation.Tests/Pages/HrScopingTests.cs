using System.Net;
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

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Nguyễn Thị Trong Phạm Vi", html);
        Assert.DoesNotContain("Trần Văn Ngoài Phạm Vi", html);
        Assert.DoesNotContain("UBND huyện Cát Hải", html);
        Assert.DoesNotContain("Trần Văn Ngoài Phạm Vi", await filtered.Content.ReadAsStringAsync());
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

        var html = await (await client.GetAsync("/hr/staff")).Content.ReadAsStringAsync();

        Assert.Contains("Trần Văn Cát Hải", html);
    }
}
