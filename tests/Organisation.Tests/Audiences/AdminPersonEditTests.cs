using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Organisation.Data;
using Training.Testing;
using static Training.Organisation.Tests.Audiences.AudienceJourneyTests;
using static Training.Organisation.Tests.Roster.RosterWorld;

namespace Training.Organisation.Tests.Audiences;

/// <summary>An administrator's edit of a person is a roster change: moving someone to another unit evaluates their
/// audiences at once, so the new unit's audience assigns its course.</summary>
public sealed class AdminPersonEditTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task MovingAPersonToAnotherUnitInTheAdminPageAssignsTheNewUnitsAudienceCourse(TestDatabase database)
    {
        using var world = await CreateAsync(database);
        var app = world.App;
        await app.CreatePublishedCourseAsync((await world.UserAsync("trainer")).Id, "AUD-03");
        var hr = await world.SignedInAsync("hrch");
        var created = await hr.PostFormAsync("/hr/audiences/edit", new Dictionary<string, string>
        {
            ["Form.Name"] = "Giáo viên Cát Hải", ["Form.UnitIds"] = world.CatHai.Id.ToString(), ["Form.Categories"] = "Giáo viên", ["Form.StartsOn"] = "2026-01-01",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var audience = created.Headers.Location!.OriginalString.Split('/')[4].Split('?')[0];
        var attached = await hr.PostFormAsync($"/hr/audiences/{audience}/courses", new Dictionary<string, string>
        {
            ["CourseId"] = (await CourseIdAsync(app, "AUD-03")).ToString(), ["DueFrom"] = "RuleStart", ["DueDays"] = "400",
        });
        Assert.Equal(HttpStatusCode.OK, attached.StatusCode);
        var key = await world.ApiAsync(world.CatHai);
        var person = await world.UserAsync("gv001");
        Assert.Equal(HttpStatusCode.NotFound, (await key.GetAsync($"/api/people/{person.StaffCode}/assignments")).StatusCode);

        var admin = await world.SignedInAsync("admin");
        var page = await admin.GetAsync($"/admin/users/{person.Id}/person");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Nguyễn Thị Hoa", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));

        var saved = await admin.PostFormAsync($"/admin/users/{person.Id}/person", new Dictionary<string, string>
        {
            ["PrimaryUnitId"] = world.CatBa.Id.ToString(), ["Position"] = "Giáo viên", ["StaffCategory"] = "Giáo viên", ["IsActive"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Đã lưu hồ sơ", WebUtility.HtmlDecode(await admin.GetStringAsync(saved.Headers.Location!.OriginalString)));
        await DeliverAsync(app);

        var one = Assert.Single((await AssignmentsAsync(key, person.StaffCode)).EnumerateArray());
        Assert.Equal("AUD-03", one.GetProperty("courseCode").GetString());
        Assert.Equal("audience", one.GetProperty("source").GetString());
        Assert.Equal("assigned", one.GetProperty("status").GetString());
        var memberships = await world.MembershipsAsync(person.Id);
        Assert.Equal([(world.CatBa.Id, true)], memberships);
    }

    [Fact]
    public async Task TheAdminPersonPageRefusesBadInputNamingTheFieldAndIsClosedToOthers()
    {
        using var world = await CreateAsync();
        var person = await world.UserAsync("gv001");
        var admin = await world.SignedInAsync("admin");
        var bad = await admin.PostFormAsync($"/admin/users/{person.Id}/person", new Dictionary<string, string>
        {
            ["PrimaryUnitId"] = Guid.NewGuid().ToString(), ["Position"] = new string('x', 201), ["StaffCategory"] = "Giáo viên",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var text = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Chức vụ: dài 201 ký tự, vượt giới hạn 200 ký tự.", text);
        Assert.Contains("Đơn vị chính: chọn một đơn vị có trong danh sách.", text);
        var unchanged = await world.UserAsync("gv001");
        Assert.Equal((person.PrimaryUnitId, person.Position, person.IsActive), (unchanged.PrimaryUnitId, unchanged.Position, unchanged.IsActive));

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/users/no-such-user/person")).StatusCode);
        foreach (var who in new[] { "gv001", "hr" })
        {
            var denied = await (await world.SignedInAsync(who)).GetAsync($"/admin/users/{person.Id}/person");
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.Contains("/account/access-denied", denied.Headers.Location!.OriginalString);
        }
    }
}
