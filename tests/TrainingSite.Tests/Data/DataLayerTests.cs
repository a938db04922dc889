using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Organisation;
using Training.Abstractions.Security;

namespace Training.Site.Tests.Data;

/// <summary>The organisation data layer works the same on the embedded SQLite database and on PostgreSQL.</summary>
public sealed class DataLayerTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task DirectoryReturnsASubtreeAndCountsAPersonInTwoUnitsOnce(TestDatabase database)
    {
        using var app = new TrainingApp(database: database);
        var so = await app.CreateUnitAsync("Sở Giáo dục và Đào tạo");
        var school = await app.CreateUnitAsync("Trường THPT Hoa Lư A", so);
        var centre = await app.CreateUnitAsync("Trung tâm GDNN - GDTX", so);
        var other = await app.CreateUnitAsync("UBND huyện Cát Hải");
        var teacher = await app.CreateUserAsync("gv1", BuiltInRoles.Learner, school, category: "giáo viên", fullName: "Nguyễn Thị Hoà");
        await app.CreateUserAsync("gv2", BuiltInRoles.Learner, other, category: "giáo viên");
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Training.Organisation.Data.OrganisationDbContext>();
            db.Memberships.Add(new Training.Organisation.Data.UnitMembership { UserId = teacher.Id, UnitId = centre.Id });
            await db.SaveChangesAsync();
        });

        var (subtree, people, teachers) = await app.WithScopeAsync(async sp =>
        {
            var directory = sp.GetRequiredService<IOrgDirectory>();
            return (await directory.GetSubtreeAsync(so.Id),
                await directory.GetPeopleAsync(new PeopleQuery(so.Id)),
                await directory.GetPeopleAsync(new PeopleQuery(null, ["giáo viên"])));
        });

        Assert.Equal(new HashSet<Guid> { so.Id, school.Id, centre.Id }, subtree.ToHashSet());
        var person = Assert.Single(people);
        Assert.Equal("Nguyễn Thị Hoà", person.FullName);
        Assert.Equal(2, person.UnitIds.Count);
        Assert.Equal(2, teachers.Count);
    }
}
