using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Organisation;
using Training.Abstractions.Security;
using Training.Organisation.Data;

namespace Training.Organisation.Tests.Heads;

/// <summary>Head resolution: by position, by explicit assignment, and the nearest head up the tree.</summary>
public sealed class UnitHeadDirectoryTests
{
    private static Task SetPositionAsync(TrainingApp app, TrainingUser user, string position) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<OrganisationDbContext>().Users.Where(u => u.Id == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Position, position)));

    private static Task AssignAsync(TrainingApp app, OrgUnit unit, TrainingUser user, bool ended = false) =>
        app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganisationDbContext>();
            db.UnitHeads.Add(new UnitHeadAssignment
            {
                Id = Guid.NewGuid(), UnitId = unit.Id, UserId = user.Id, AssignedBy = "test", AssignedAt = DateTimeOffset.UtcNow,
                EndedAt = ended ? DateTimeOffset.UtcNow : null, EndedBy = ended ? "test" : null,
            });
            await db.SaveChangesAsync();
        });

    private static Task<T> DirectoryAsync<T>(TrainingApp app, Func<IUnitHeadDirectory, Task<T>> call) =>
        app.WithScopeAsync(sp => call(sp.GetRequiredService<IUnitHeadDirectory>()));

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task PositionAndAssignmentBothMakeHeadsAndTheNearestAncestorAnswers(TestDatabase database)
    {
        using var app = new TrainingApp(database: database);
        var so = await app.CreateUnitAsync("Sở");
        var office = await app.CreateUnitAsync("Phòng", so);
        var team = await app.CreateUnitAsync("Tổ", office);
        var director = await app.CreateUserAsync("giamdoc", BuiltInRoles.Learner, so);
        var officeHead = await app.CreateUserAsync("truongphong", BuiltInRoles.Learner, office);
        var member = await app.CreateUserAsync("nhanvien", BuiltInRoles.Learner, team);
        var deputy = await app.CreateUserAsync("pho", BuiltInRoles.Learner, office);
        await SetPositionAsync(app, director, "Giám đốc");
        await SetPositionAsync(app, deputy, "Phó Trưởng phòng");
        await AssignAsync(app, office, officeHead);

        Assert.Equal([so.Id], await DirectoryAsync(app, d => d.UnitsHeadedByAsync(director.Id)));
        Assert.Equal([office.Id], await DirectoryAsync(app, d => d.UnitsHeadedByAsync(officeHead.Id)));
        Assert.Empty(await DirectoryAsync(app, d => d.UnitsHeadedByAsync(deputy.Id)));
        // The team has no head: its member's head is the office's; the office head's own head is the director.
        Assert.Equal([officeHead.Id], await DirectoryAsync(app, d => d.HeadsOfPersonAsync(member.Id)));
        Assert.Equal([director.Id], await DirectoryAsync(app, d => d.HeadsOfPersonAsync(officeHead.Id)));
        Assert.Empty(await DirectoryAsync(app, d => d.HeadsOfPersonAsync(director.Id)));
        var all = await DirectoryAsync(app, d => d.GetAllHeadsAsync());
        Assert.Equal(2, all.Count);
        Assert.Contains(new UnitHeadInfo(director.Id, so.Id, "Sở"), all);
        Assert.Contains(new UnitHeadInfo(officeHead.Id, office.Id, "Phòng"), all);
    }

    [Fact]
    public async Task EndedAssignmentAndInactivePersonHeadNothing()
    {
        using var app = new TrainingApp();
        var so = await app.CreateUnitAsync("Sở");
        var school = await app.CreateUnitAsync("Trường", so);
        var former = await app.CreateUserAsync("cu", BuiltInRoles.Learner, school);
        var gone = await app.CreateUserAsync("nghi", BuiltInRoles.Learner, school);
        await AssignAsync(app, school, former, ended: true);
        await SetPositionAsync(app, gone, "Hiệu trưởng");
        await app.WithScopeAsync(sp => sp.GetRequiredService<OrganisationDbContext>().Users.Where(u => u.Id == gone.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false)));

        Assert.Empty(await DirectoryAsync(app, d => d.UnitsHeadedByAsync(former.Id)));
        Assert.Empty(await DirectoryAsync(app, d => d.UnitsHeadedByAsync(gone.Id)));
        Assert.Empty(await DirectoryAsync(app, d => d.GetAllHeadsAsync()));
    }

    [Fact]
    public async Task HeadOfAUnitAndItsChildListsOnlyTheOuterUnit()
    {
        using var app = new TrainingApp();
        var so = await app.CreateUnitAsync("Sở");
        var school = await app.CreateUnitAsync("Trường", so);
        var head = await app.CreateUserAsync("hieutruong", BuiltInRoles.Learner, school);
        await SetPositionAsync(app, head, "Hiệu trưởng");
        await AssignAsync(app, so, head);

        Assert.Equal([so.Id], await DirectoryAsync(app, d => d.UnitsHeadedByAsync(head.Id)));
    }

    [Fact]
    public async Task HrOfAUnitAreTheScopedHrUsersAboveIt()
    {
        using var app = new TrainingApp();
        var so = await app.CreateUnitAsync("Sở");
        var school = await app.CreateUnitAsync("Trường", so);
        var other = await app.CreateUnitAsync("Sở khác");
        var hr = await app.CreateUserAsync("hrso", BuiltInRoles.HR, so, scope: so);
        await app.CreateUserAsync("hrkhac", BuiltInRoles.HR, other, scope: other);
        await app.CreateUserAsync("gv", BuiltInRoles.Learner, school, scope: school); // a scope without the HR permission

        var found = await app.WithScopeAsync(sp => sp.GetRequiredService<IUnitHrDirectory>().HrOfUnitAsync(school.Id));

        Assert.Equal([hr.Id], found);
    }
}
