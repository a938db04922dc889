using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Organisation.Data;
using Training.Organisation.Roster;

namespace Training.Organisation.Tests.Roster;

/// <summary>What an update keeps and renews of a person's stamps. The planner works on a projection of the person
/// (<see cref="KnownPerson"/>), so these pin down that the projection carries what the staged update writes back.</summary>
public sealed class RosterStampTests
{
    private const string Header = "Mã cán bộ,Họ và tên,Email,Đơn vị,Đơn vị kiêm nhiệm,Chức vụ,Đối tượng\n";

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task ANameChangeKeepsTheSecurityStampAndANewEmailRenewsIt(TestDatabase database)
    {
        using var app = new TrainingApp(database: database);
        Assert.True((await ImportAsync(app, "GV001,Nguyễn Thị Hoa,hoa@nb.edu.vn,Sở GD&ĐT > Trường THPT A,,Giáo viên,giáo viên")).Succeeded);
        var created = await StoredAsync(app);

        var renamed = await ImportAsync(app, "GV001,Nguyễn Thị Hoa Mai,hoa@nb.edu.vn,Sở GD&ĐT > Trường THPT A,,Tổ trưởng,giáo viên");
        Assert.Equal((true, 1, 0), (renamed.Succeeded, renamed.Updated, renamed.Unchanged));
        var afterRename = await StoredAsync(app);
        Assert.Equal(("Nguyễn Thị Hoa Mai", "Tổ trưởng", created.SecurityStamp), (afterRename.FullName, afterRename.Position, afterRename.SecurityStamp));
        Assert.NotEqual(created.ConcurrencyStamp, afterRename.ConcurrencyStamp);

        var same = await ImportAsync(app, "GV001,Nguyễn Thị Hoa Mai,hoa@nb.edu.vn,Sở GD&ĐT > Trường THPT A,,Tổ trưởng,giáo viên");
        Assert.Equal((true, 0, 1), (same.Succeeded, same.Updated, same.Unchanged));
        Assert.Equal(afterRename.ConcurrencyStamp, (await StoredAsync(app)).ConcurrencyStamp);

        var newEmail = await ImportAsync(app, "GV001,Nguyễn Thị Hoa Mai,mai@nb.edu.vn,Sở GD&ĐT > Trường THPT A,,Tổ trưởng,giáo viên");
        Assert.Equal((true, 1), (newEmail.Succeeded, newEmail.Updated));
        var afterEmail = await StoredAsync(app);
        Assert.Equal(("mai@nb.edu.vn", "MAI@NB.EDU.VN", "gv001"), (afterEmail.Email, afterEmail.NormalizedEmail, afterEmail.UserName));
        Assert.NotNull(afterEmail.SecurityStamp);
        Assert.NotEqual(created.SecurityStamp, afterEmail.SecurityStamp);
    }

    private static Task<TrainingUser> StoredAsync(TrainingApp app) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<OrganisationDbContext>().Users.AsNoTracking().SingleAsync(u => u.StaffCode == "GV001"));

    private static Task<RosterImportResult> ImportAsync(TrainingApp app, string row) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<RosterImporter>()
            .ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(Header + row + "\n")), RosterAuthority.System, RosterImportOptions.CreatingUnits));
}
