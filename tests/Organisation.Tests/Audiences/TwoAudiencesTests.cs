using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Courses.Data;
using Training.Organisation.Data;
using Training.Testing;
using static Training.Organisation.Tests.Audiences.AudienceJourneyTests;
using static Training.Organisation.Tests.Roster.RosterWorld;

namespace Training.Organisation.Tests.Audiences;

/// <summary>One course, several sources: a person in two audiences attached to the same course keeps the assignment
/// while either holds them (it passes to the one that still does); it closes, with the reason, only when none does; and
/// a course HR also assigned by hand stays open whatever the audiences do.</summary>
public sealed class TwoAudiencesTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task LeavingOneOfTwoAudiencesOnACourseKeepsTheAssignmentOpenUntilNoSourceRemains(TestDatabase database)
    {
        using var world = await CreateAsync(database);
        var app = world.App;
        await app.CreatePublishedCourseAsync((await world.UserAsync("trainer")).Id, "AUD-02");
        var courseId = await CourseIdAsync(app, "AUD-02");
        var hr = await world.SignedInAsync("hr");
        var teachers = await CreateAudienceAsync(hr, "Giáo viên Hoa Lư A", world.HoaLu.Id, categories: "Giáo viên");
        var heads = await CreateAudienceAsync(hr, "Tổ trưởng Ninh Bình", world.Nb.Id, positions: "Tổ trưởng chuyên môn");
        foreach (var audience in new[] { teachers, heads })
        {
            var attached = await hr.PostFormAsync($"/hr/audiences/{audience}/courses", new Dictionary<string, string>
            {
                ["CourseId"] = courseId.ToString(), ["DueFrom"] = "Joining", ["DueDays"] = "30",
            });
            Assert.Equal(HttpStatusCode.OK, attached.StatusCode);
        }

        // NB8102, a teacher, is assigned by the teachers' audience; then HR also assigns the course by hand to Hoa Lư A's
        // teachers: NB8102's assignment becomes manual.
        var api = await world.ApiAsync(world.Nb);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/api/roster", Csv(Header +
            $"NB8102,Phạm Thị Một,mot@nb.edu.vn,{HoaLuA},,Giáo viên,giáo viên\n"))).StatusCode);
        await DeliverAsync(app);
        Assert.Equal(teachers, Assert.Single((await AssignmentsAsync(api, "NB8102")).EnumerateArray()).GetProperty("audienceId").GetGuid());
        var manual = await hr.PostFormAsync("/hr/assignments", new Dictionary<string, string>
        {
            ["CourseId"] = courseId.ToString(), ["UnitId"] = world.HoaLu.Id.ToString(), ["StaffCategories"] = "giáo viên",
            ["DueOn"] = DateTime.UtcNow.AddDays(60).ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.OK, manual.StatusCode);
        Assert.Equal("manual", Assert.Single((await AssignmentsAsync(api, "NB8102")).EnumerateArray()).GetProperty("source").GetString());

        // NB8101 joins later, a teacher and a head of department: in both audiences, one assignment.
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/api/roster", Csv(Header +
            $"NB8101,Lê Văn Hai,hai@nb.edu.vn,{HoaLuA},,Tổ trưởng chuyên môn,giáo viên\n"))).StatusCode);
        await DeliverAsync(app);
        var first = Assert.Single((await AssignmentsAsync(api, "NB8101")).EnumerateArray());
        Assert.Equal("assigned", first.GetProperty("status").GetString());
        var owner = first.GetProperty("audienceId").GetGuid();
        Assert.Contains(owner, new[] { teachers, heads });
        var other = owner == teachers ? heads : teachers;

        // NB8101 leaves the audience that made the assignment and stays in the other one: still open, now the other's.
        var leaveOwner = owner == teachers
            ? $"NB8101,Lê Văn Hai,hai@nb.edu.vn,{HoaLuA},,Tổ trưởng chuyên môn,nhân viên\n"
            : $"NB8101,Lê Văn Hai,hai@nb.edu.vn,{HoaLuA},,Giáo viên,giáo viên\n";
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/api/roster", Csv(Header + leaveOwner +
            $"NB8102,Phạm Thị Một,mot@nb.edu.vn,{HoaLuA},,Nhân viên,nhân viên\n"))).StatusCode);
        await DeliverAsync(app);
        var kept = Assert.Single((await AssignmentsAsync(api, "NB8101")).EnumerateArray());
        Assert.Equal("assigned", kept.GetProperty("status").GetString());
        Assert.Equal("audience", kept.GetProperty("source").GetString());
        Assert.Equal(other, kept.GetProperty("audienceId").GetGuid());
        // NB8102 left the teachers' audience, but HR's own assignment still covers them.
        var byHand = Assert.Single((await AssignmentsAsync(api, "NB8102")).EnumerateArray());
        Assert.Equal("manual", byHand.GetProperty("source").GetString());
        Assert.Equal("assigned", byHand.GetProperty("status").GetString());

        // Now NB8101 leaves the second audience too: no source remains, closed with that audience's reason.
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/api/roster", Csv(Header +
            $"NB8101,Lê Văn Hai,hai@nb.edu.vn,{HoaLuA},,Nhân viên,nhân viên\n"))).StatusCode);
        await DeliverAsync(app);
        var closed = Assert.Single((await AssignmentsAsync(api, "NB8101")).EnumerateArray());
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal(owner == teachers ? "Chức vụ đã đổi thành «Nhân viên»" : "Loại cán bộ đã đổi thành «nhân viên»",
            closed.GetProperty("closedReason").GetString());
        var steps = await app.WithScopeAsync(async sp =>
        {
            var userId = await sp.GetRequiredService<OrganisationDbContext>().Users.Where(u => u.StaffCode == "NB8101").Select(u => u.Id).SingleAsync();
            var courses = sp.GetRequiredService<CoursesDbContext>();
            return await courses.AssignmentHistory.Where(h => courses.Assignments.Any(a => a.Id == h.AssignmentId && a.UserId == userId))
                .OrderBy(h => h.At).Select(h => h.Kind).ToListAsync();
        });
        Assert.Equal(["assigned", "transferred", "closed"], steps);

        // Replaying every membership event in order changes nothing.
        await app.WithScopeAsync(sp => sp.GetRequiredService<OrganisationDbContext>().Outbox
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, (DateTimeOffset?)null)
                .SetProperty(m => m.NextAttemptAt, DateTimeOffset.UtcNow).SetProperty(m => m.ClaimedBy, (string?)null)));
        await DeliverAsync(app);
        Assert.Equal("closed", Assert.Single((await AssignmentsAsync(api, "NB8101")).EnumerateArray()).GetProperty("status").GetString());
        Assert.Equal("assigned", Assert.Single((await AssignmentsAsync(api, "NB8102")).EnumerateArray()).GetProperty("status").GetString());
    }

    private static async Task<Guid> CreateAudienceAsync(HttpClient hr, string name, Guid unitId, string? categories = null, string? positions = null)
    {
        var form = new Dictionary<string, string> { ["Form.Name"] = name, ["Form.UnitIds"] = unitId.ToString(), ["Form.StartsOn"] = "2026-01-01" };
        if (categories is not null) form["Form.Categories"] = categories;
        if (positions is not null) form["Form.Positions"] = positions;
        var created = await hr.PostFormAsync("/hr/audiences/edit", form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[4].Split('?')[0]);
    }
}
