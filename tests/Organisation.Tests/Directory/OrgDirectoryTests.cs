using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Organisation;
using Training.Abstractions.Security;
using Training.Organisation.Data;

namespace Training.Organisation.Tests.Directory;

/// <summary>IOrgDirectory.GetPeopleAsync, which reporting loads whole organisations through: who is in a subtree,
/// each person once with all of their units, on both providers.</summary>
public sealed class OrgDirectoryTests
{
    private static async Task AddMembershipAsync(TrainingApp app, TrainingUser user, OrgUnit unit) =>
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganisationDbContext>();
            db.Memberships.Add(new UnitMembership { UserId = user.Id, UnitId = unit.Id });
            await db.SaveChangesAsync();
        });

    private static Task<IReadOnlyList<PersonInfo>> PeopleAsync(TrainingApp app, PeopleQuery query) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<IOrgDirectory>().GetPeopleAsync(query));

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task PeopleOfASubtreeComeOnceWithAllTheirUnitsAndPrimaryUnitName(TestDatabase database)
    {
        using var app = new TrainingApp(database: database);
        var province = await app.CreateUnitAsync("UBND tỉnh");
        var soA = await app.CreateUnitAsync("Sở A", province);
        var schoolA = await app.CreateUnitAsync("Trường A", soA);
        var soB = await app.CreateUnitAsync("Sở B", province);
        var teacher = await app.CreateUserAsync("gv1", BuiltInRoles.Learner, schoolA, category: "giáo viên");
        await AddMembershipAsync(app, teacher, soA); // two units inside Sở A's subtree
        await AddMembershipAsync(app, teacher, soB); // and one outside it
        var officer = await app.CreateUserAsync("cv1", BuiltInRoles.Learner, soB, category: "chuyên viên");
        await app.CreateUserAsync("free1", BuiltInRoles.Learner, category: "giáo viên"); // no unit at all

        var inA = await PeopleAsync(app, new PeopleQuery(soA.Id));

        var person = Assert.Single(inA);
        Assert.Equal(teacher.Id, person.UserId);
        Assert.Equal("Trường A", person.PrimaryUnitName);
        Assert.Equal(new[] { schoolA.Id, soA.Id, soB.Id }.Order(), person.UnitIds.Order());

        var inProvince = await PeopleAsync(app, new PeopleQuery(province.Id));
        Assert.Equal(new[] { "CV1", "GV1" }, inProvince.Select(p => p.StaffCode).Order());
        Assert.Equal(officer.Id, Assert.Single(await PeopleAsync(app, new PeopleQuery(soB.Id, ["chuyên viên"]))).UserId);

        var everyone = await PeopleAsync(app, new PeopleQuery(null, ["giáo viên"]));
        Assert.Equal(new[] { "FREE1", "GV1" }, everyone.Select(p => p.StaffCode).Order());
        Assert.Empty(everyone.Single(p => p.StaffCode == "FREE1").UnitIds);
        Assert.Null(everyone.Single(p => p.StaffCode == "FREE1").PrimaryUnitName);
    }

    [Fact]
    public async Task InactivePeopleAndUnknownUnitsGiveNobody()
    {
        using var app = new TrainingApp();
        var school = await app.CreateUnitAsync("Trường A");
        var teacher = await app.CreateUserAsync("gv1", BuiltInRoles.Learner, school);
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganisationDbContext>();
            (await db.Users.FindAsync(teacher.Id))!.IsActive = false;
            await db.SaveChangesAsync();
        });

        Assert.Empty(await PeopleAsync(app, new PeopleQuery(school.Id)));
        Assert.Empty(await PeopleAsync(app, new PeopleQuery(Guid.NewGuid())));
    }
}
