using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Security;
using Training.Organisation.Data;

namespace Training.Organisation.Tests.Heads;

/// <summary>The assignment page: HR assigns heads in their scope only, ends them, and the history stays.</summary>
public sealed class UnitHeadsPageTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task HrAssignsAHeadWhoThenSeesTheirUnitAndEndingItKeepsTheHistory(TestDatabase database)
    {
        using var app = new TrainingApp(database: database);
        var so = await app.CreateUnitAsync("Sở Ninh Bình");
        var school = await app.CreateUnitAsync("Trường THPT Hoa Lư A", so);
        await app.CreateUserAsync("hrnb", BuiltInRoles.HR, so, scope: so);
        await app.CreateUserAsync("gv1", BuiltInRoles.Learner, school, fullName: "Nguyễn Văn Trưởng");
        await app.CreateUserAsync("gv2", BuiltInRoles.Learner, school, fullName: "Trần Thị Thành Viên");
        var hr = app.CreateBrowser();
        await hr.SignInAsync("hrnb");

        var assigned = await hr.PostFormAsync("/hr/unit-heads", new Dictionary<string, string> { ["UnitId"] = school.Id.ToString(), ["StaffCode"] = "GV1" },
            "/hr/unit-heads?handler=Assign");

        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        var page = await (await hr.GetAsync("/hr/unit-heads")).Content.ReadAsStringAsync();
        Assert.Contains("Nguyễn Văn Trưởng", page);
        var head = app.CreateBrowser();
        await head.SignInAsync("gv1");
        var mine = await head.GetAsync("/my-units");
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Contains("Trần Thị Thành Viên", await mine.Content.ReadAsStringAsync());

        var id = await app.WithScopeAsync(sp => sp.GetRequiredService<OrganisationDbContext>().UnitHeads.Select(h => h.Id).SingleAsync());
        var ended = await hr.PostFormAsync("/hr/unit-heads", new Dictionary<string, string>(), $"/hr/unit-heads?handler=End&id={id}");

        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        var row = await app.WithScopeAsync(sp => sp.GetRequiredService<OrganisationDbContext>().UnitHeads.SingleAsync());
        Assert.Equal("hrnb", row.AssignedBy);
        Assert.Equal("hrnb", row.EndedBy);
        Assert.NotNull(row.EndedAt);
        // Still signed in with the old claim, the page checks the headship again.
        var after = await head.GetAsync("/my-units");
        Assert.NotEqual(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task HrCannotAssignOutsideTheirScopeNorSomeoneFromOutside()
    {
        using var app = new TrainingApp();
        var so = await app.CreateUnitAsync("Sở A");
        var school = await app.CreateUnitAsync("Trường A1", so);
        var other = await app.CreateUnitAsync("Sở B");
        await app.CreateUserAsync("hra", BuiltInRoles.HR, so, scope: so);
        await app.CreateUserAsync("gva", BuiltInRoles.Learner, school);
        await app.CreateUserAsync("gvb", BuiltInRoles.Learner, other);
        var hr = app.CreateBrowser();
        await hr.SignInAsync("hra");

        var otherUnit = await hr.PostFormAsync("/hr/unit-heads", new Dictionary<string, string> { ["UnitId"] = other.Id.ToString(), ["StaffCode"] = "GVA" },
            "/hr/unit-heads?handler=Assign");
        var outsider = await hr.PostFormAsync("/hr/unit-heads", new Dictionary<string, string> { ["UnitId"] = school.Id.ToString(), ["StaffCode"] = "GVB" },
            "/hr/unit-heads?handler=Assign");
        var tooLong = await hr.PostFormAsync("/hr/unit-heads", new Dictionary<string, string> { ["UnitId"] = school.Id.ToString(), ["StaffCode"] = new string('X', 65) },
            "/hr/unit-heads?handler=Assign");

        Assert.Equal(HttpStatusCode.OK, otherUnit.StatusCode);
        Assert.Contains("Đơn vị: không có trong phạm vi quản lý.", WebUtility.HtmlDecode(await otherUnit.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, outsider.StatusCode);
        Assert.Contains("không thuộc phạm vi quản lý", WebUtility.HtmlDecode(await outsider.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Contains("Mã cán bộ: tối đa 64 ký tự.", WebUtility.HtmlDecode(await tooLong.Content.ReadAsStringAsync()));
        Assert.Equal(0, await app.WithScopeAsync(sp => sp.GetRequiredService<OrganisationDbContext>().UnitHeads.CountAsync()));
    }

    [Fact]
    public async Task HrOfAnotherScopeCannotEndAnAssignment()
    {
        using var app = new TrainingApp();
        var so = await app.CreateUnitAsync("Sở A");
        var other = await app.CreateUnitAsync("Sở B");
        await app.CreateUserAsync("hra", BuiltInRoles.HR, so, scope: so);
        await app.CreateUserAsync("hrb", BuiltInRoles.HR, other, scope: other);
        await app.CreateUserAsync("gva", BuiltInRoles.Learner, so);
        var a = app.CreateBrowser();
        await a.SignInAsync("hra");
        await a.PostFormAsync("/hr/unit-heads", new Dictionary<string, string> { ["UnitId"] = so.Id.ToString(), ["StaffCode"] = "GVA" }, "/hr/unit-heads?handler=Assign");
        var id = await app.WithScopeAsync(sp => sp.GetRequiredService<OrganisationDbContext>().UnitHeads.Select(h => h.Id).SingleAsync());
        var b = app.CreateBrowser();
        await b.SignInAsync("hrb");

        var response = await b.PostFormAsync("/hr/unit-heads", new Dictionary<string, string>(), $"/hr/unit-heads?handler=End&id={id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(await app.WithScopeAsync(sp => sp.GetRequiredService<OrganisationDbContext>().UnitHeads.Select(h => h.EndedAt).SingleAsync()));
    }
}
