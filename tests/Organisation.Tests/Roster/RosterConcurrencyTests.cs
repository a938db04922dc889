using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Organisation.Data;
using Training.Organisation.Roster;

namespace Training.Organisation.Tests.Roster;

/// <summary>The plan is computed outside the write transaction; a person changed by someone else between the snapshot
/// and the write must not be overwritten from a stale plan: the write is refused and the import planned again.</summary>
public sealed class RosterConcurrencyTests
{
    private const string Header = "Mã cán bộ,Họ và tên,Email,Đơn vị,Đơn vị kiêm nhiệm,Chức vụ,Đối tượng\n";

    /// <summary>The system clock, plus an action run once when the importer asks for the time (after it has read its
    /// snapshot and before it writes), in the async flow that armed it only, so background services never trigger it.</summary>
    private sealed class InterleavingClock : TimeProvider
    {
        public static readonly AsyncLocal<Func<Task>?> Armed = new();

        public override DateTimeOffset GetUtcNow()
        {
            if (Armed.Value is { } action)
            {
                Armed.Value = null;
                action().GetAwaiter().GetResult();
            }
            return base.GetUtcNow();
        }
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task APersonChangedDuringTheImportIsPlannedAgainAndNothingIsLost(TestDatabase database)
    {
        using var app = new TrainingApp(database: database).WithServices(s => s.AddSingleton<TimeProvider>(new InterleavingClock()));
        await ImportAsync(app, Header + "GV001,Nguyễn Thị Hoa,hoa@nb.edu.vn,Sở GD&ĐT > Trường THPT A,,Giáo viên,giáo viên\n");

        string? renewedStamp = null;
        InterleavingClock.Armed.Value = () => app.WithScopeAsync(async sp =>
        {
            // Another writer through Identity: a language change and a security-stamp renewal (as a password change or a
            // sign-out everywhere does). A stale plan would write the old security stamp back and revive old sessions.
            var users = sp.GetRequiredService<UserManager<TrainingUser>>();
            var hoa = await users.FindByNameAsync("gv001");
            hoa!.PreferredLanguage = "en";
            await users.UpdateAsync(hoa);
            await users.UpdateSecurityStampAsync(hoa);
            renewedStamp = hoa.SecurityStamp;
        });
        var result = await ImportAsync(app, Header + "GV001,Nguyễn Thị Hoa Mai,hoa@nb.edu.vn,Sở GD&ĐT > Trường THPT A,,Tổ trưởng,giáo viên\n");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal((2, 1), (result.Timings.Attempts, result.Updated));
        var stored = await app.WithScopeAsync(sp => sp.GetRequiredService<OrganisationDbContext>().Users.AsNoTracking().SingleAsync(u => u.StaffCode == "GV001"));
        Assert.NotNull(renewedStamp);
        Assert.Equal(("Nguyễn Thị Hoa Mai", "Tổ trưởng", "en", renewedStamp), (stored.FullName, stored.Position, stored.PreferredLanguage, stored.SecurityStamp));
    }

    private static Task<RosterImportResult> ImportAsync(TrainingApp app, string csv) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<RosterImporter>()
            .ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), RosterAuthority.System, RosterImportOptions.CreatingUnits));
}
