using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Courses.Data;
using Training.Organisation.Data;
using Training.Platform.Outbox;
using Training.Platform.Time;
using Training.Testing;
using static Training.Organisation.Tests.Roster.RosterWorld;

namespace Training.Organisation.Tests.Audiences;

/// <summary>Issue 11, item 3, "the audience journey": HR makes an audience and attaches a course; a person added through
/// <c>POST /api/roster</c> is assigned at once (the roster listener evaluates, the outbox carries the change to Courses);
/// a person who stops matching has the assignment closed with the reason, kept with its history; coming back reopens it.</summary>
public sealed class AudienceJourneyTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task APersonAddedThroughTheApiIsAssignedAndAMoverHasTheAssignmentClosedWithTheReason(TestDatabase database)
    {
        using var world = await CreateAsync(database);
        var app = world.App;
        var trainer = await world.UserAsync("trainer");
        await app.CreatePublishedCourseAsync(trainer.Id, "AUD-01");
        var hr = await world.SignedInAsync("hr");

        // A rule that matches nobody yet is saved, with a warning.
        var created = await hr.PostFormAsync("/hr/audiences/edit", new Dictionary<string, string>
        {
            ["Form.Name"] = "Giáo viên Hoa Lư A", ["Form.UnitIds"] = world.HoaLu.Id.ToString(), ["Form.Categories"] = "Giáo viên", ["Form.StartsOn"] = "2026-01-01",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var edit = created.Headers.Location!.OriginalString;
        var id = Guid.Parse(edit.Split('/')[4].Split('?')[0]);
        var page = WebUtility.HtmlDecode(await hr.GetStringAsync(edit));
        Assert.Contains("Quy tắc hiện không khớp với cán bộ nào. Nhóm vẫn được lưu", page);

        var attached = await hr.PostFormAsync($"/hr/audiences/{id}/courses", new Dictionary<string, string>
        {
            ["CourseId"] = (await CourseIdAsync(app, "AUD-01")).ToString(), ["DueFrom"] = "Joining", ["DueDays"] = "30",
        });
        Assert.Equal(HttpStatusCode.OK, attached.StatusCode);
        Assert.Contains("Đã gắn 1 khóa học; giao mới cho 0 lượt người.", WebUtility.HtmlDecode(await attached.Content.ReadAsStringAsync()));

        // The HR system adds a teacher and makes an existing person a teacher.
        var api = await world.ApiAsync(world.Nb);
        // The due date is the joining day (in Vietnam) plus 30; a run that crosses midnight may see either day.
        var joinedFrom = VietnamClock.Today(TimeProvider.System);
        var sync = await api.PostAsync("/api/roster", Csv(Header + $"NB8001,Trần Văn Mới,moi@nb.edu.vn,{HoaLuA},,Giáo viên,giáo viên\n" +
                                                             $"GV001,Nguyễn Thị Hoa,gv001@test.local,{HoaLuA},,Giáo viên,giáo viên\n"));
        Assert.Equal(HttpStatusCode.OK, sync.StatusCode);
        await DeliverAsync(app);

        var assignments = await AssignmentsAsync(api, "NB8001");
        var one = Assert.Single(assignments.EnumerateArray());
        Assert.Equal("AUD-01", one.GetProperty("courseCode").GetString());
        Assert.Equal("audience", one.GetProperty("source").GetString());
        Assert.Equal(id, one.GetProperty("audienceId").GetGuid());
        Assert.Equal("Giáo viên Hoa Lư A", one.GetProperty("audienceName").GetString());
        Assert.Equal("assigned", one.GetProperty("status").GetString());
        var dueOn = DateOnly.ParseExact(one.GetProperty("dueOn").GetString()!, "yyyy-MM-dd");
        Assert.InRange(dueOn, joinedFrom.AddDays(30), VietnamClock.Today(TimeProvider.System).AddDays(30));

        // HR sees the audience's figures; the learner sees the course with its due date.
        var list = await hr.GetStringAsync("/hr/audiences");
        Assert.Contains("<td data-col=\"size\">2</td>", list);
        Assert.Contains("<td data-col=\"assigned\">2</td>", list);
        var learner = await world.SignedInAsync("gv001");
        var learning = WebUtility.HtmlDecode(await learner.GetStringAsync("/learning"));
        Assert.Contains("Khóa học kiểm thử", learning);
        Assert.Contains("Hạn: " + dueOn.ToString("dd/MM/yyyy"), learning);

        // The new teacher becomes an employee: no longer in the audience, the assignment is closed with the reason.
        var moved = await api.PostAsync("/api/roster", Csv(Header + $"NB8001,Trần Văn Mới,moi@nb.edu.vn,{HoaLuA},,Nhân viên,nhân viên\n"));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        await DeliverAsync(app);
        var closed = Assert.Single((await AssignmentsAsync(api, "NB8001")).EnumerateArray());
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal("Loại cán bộ đã đổi thành «nhân viên»", closed.GetProperty("closedReason").GetString());
        Assert.Contains("<td data-col=\"size\">1</td>", await hr.GetStringAsync("/hr/audiences"));

        // Back to teaching: the same assignment is reopened; the stays and the steps are all kept.
        await api.PostAsync("/api/roster", Csv(Header + $"NB8001,Trần Văn Mới,moi@nb.edu.vn,{HoaLuA},,Giáo viên,giáo viên\n"));
        await DeliverAsync(app);
        Assert.Equal("assigned", Assert.Single((await AssignmentsAsync(api, "NB8001")).EnumerateArray()).GetProperty("status").GetString());
        var (stays, steps) = await app.WithScopeAsync(async sp =>
        {
            var userId = await sp.GetRequiredService<OrganisationDbContext>().Users.Where(u => u.StaffCode == "NB8001").Select(u => u.Id).SingleAsync();
            var stays = await sp.GetRequiredService<OrganisationDbContext>().AudienceMembers.Where(m => m.UserId == userId)
                .OrderBy(m => m.LeftOn == null).Select(m => m.LeftReason).ToListAsync();
            var courses = sp.GetRequiredService<CoursesDbContext>();
            var steps = await courses.AssignmentHistory.Where(h => courses.Assignments.Any(a => a.Id == h.AssignmentId && a.UserId == userId))
                .OrderBy(h => h.At).ThenBy(h => h.Kind).Select(h => h.Kind + ":" + h.Reason).ToListAsync();
            return (stays, steps);
        });
        Assert.Equal(["Loại cán bộ đã đổi thành «nhân viên»", null], stays);
        Assert.Equal(["assigned:", "closed:Loại cán bộ đã đổi thành «nhân viên»", "reopened:"], steps);

        // Replaying every membership event changes nothing (idempotent).
        await app.WithScopeAsync(sp => sp.GetRequiredService<OrganisationDbContext>().Outbox
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, (DateTimeOffset?)null)
                .SetProperty(m => m.NextAttemptAt, DateTimeOffset.UtcNow).SetProperty(m => m.ClaimedBy, (string?)null)));
        await DeliverAsync(app);
        Assert.Equal("assigned", Assert.Single((await AssignmentsAsync(api, "NB8001")).EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task HrCannotSaveARuleOutsideTheScopeNorSeeAnotherScopesAudienceAndTheApiHidesPeopleOutsideTheKey()
    {
        using var world = await CreateAsync();
        var hr = await world.SignedInAsync("hr");
        var refused = await hr.PostFormAsync("/hr/audiences/edit", new Dictionary<string, string>
        {
            ["Form.Name"] = "Cát Hải", ["Form.UnitIds"] = world.CatHai.Id.ToString(), ["Form.StartsOn"] = "2026-01-01",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Đơn vị: có đơn vị nằm ngoài phạm vi quản lý của bạn.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(0, await world.App.WithScopeAsync(sp => sp.GetRequiredService<OrganisationDbContext>().Audiences.CountAsync()));

        var created = await hr.PostFormAsync("/hr/audiences/edit", new Dictionary<string, string>
        {
            ["Form.Name"] = "Ninh Bình", ["Form.UnitIds"] = world.Nb.Id.ToString(), ["Form.StartsOn"] = "2026-01-01",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = created.Headers.Location!.OriginalString.Split('/')[4].Split('?')[0];
        var catHaiHr = await world.SignedInAsync("hrch");
        Assert.Equal(HttpStatusCode.NotFound, (await catHaiHr.GetAsync($"/hr/audiences/edit/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await catHaiHr.GetAsync($"/hr/audiences/{id}/courses")).StatusCode);
        Assert.DoesNotContain("Ninh Bình", await catHaiHr.GetStringAsync("/hr/audiences"));
        var learner = await world.SignedInAsync("gv001");
        var denied = await learner.GetAsync("/hr/audiences");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/account/access-denied", denied.Headers.Location!.OriginalString);

        var catHaiKey = await world.ApiAsync(world.CatHai);
        Assert.Equal(HttpStatusCode.NotFound, (await catHaiKey.GetAsync("/api/people/GV001/assignments")).StatusCode);
        var nbKey = await world.ApiAsync(world.Nb);
        var own = await nbKey.GetAsync("/api/people/GV001/assignments");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("[]", await own.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await nbKey.GetAsync("/api/people/" + new string('X', 65) + "/assignments")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await world.App.CreateClient().GetAsync("/api/people/GV001/assignments")).StatusCode);
    }

    internal static Task<Guid> CourseIdAsync(TrainingApp app, string code) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Courses.Where(c => c.Code == code).Select(c => c.Id).SingleAsync());

    /// <summary>Delivers the Organisation outbox now (the background dispatcher would within its poll interval), then
    /// waits for messages the background dispatcher had claimed: "assigned within a minute" is the deadline.</summary>
    internal static async Task DeliverAsync(TrainingApp app)
    {
        // The site's own dispatcher delivers; a second one run from here would, on SQLite (no claims), deliver the same
        // message again after it was marked processed, and an old "left" landing after the next import closes with
        // the old reason.
        await app.DrainOutboxesAsync(TimeSpan.FromMinutes(1), typeof(OrganisationDbContext));
    }

    internal static async Task<JsonElement> AssignmentsAsync(HttpClient api, string staffCode)
    {
        var response = await api.GetAsync($"/api/people/{staffCode}/assignments");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
