using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Organisation.Data;
using Training.Platform.Data;

namespace Training.Site.Tests.Cluster;

/// <summary>Two site instances (own data folders) on one PostgreSQL database, as two nodes are.</summary>
public sealed class SharedDatabaseTests
{
    [Fact]
    public async Task TwoNodesStartingAtOnceOnAnEmptyDatabaseMigrateAndSeedItOnce()
    {
        var shared = Shared();
        using var a = new TrainingApp(seedDemo: true, database: TestDatabase.Postgres, settings: shared);
        using var b = new TrainingApp(seedDemo: true, database: TestDatabase.Postgres, settings: shared);

        // Starting a host runs its migrations and demo seeding before it serves.
        await Task.WhenAll(Task.Run(() => a.Services), Task.Run(() => b.Services));

        var (admins, units) = await b.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganisationDbContext>();
            return (await db.Users.CountAsync(u => u.UserName == "admin"), await db.Units.CountAsync());
        });
        Assert.Equal(1, admins);
        Assert.True(units > 20, $"{units} units");
        var users = a.Services.GetRequiredService<UserManager<TrainingUser>>();
        Assert.NotNull(await users.FindByNameAsync("hr"));
        Assert.NotEqual(a.DataPath, b.DataPath);
    }

    [Fact]
    public async Task DataProtectedByOneNodeIsReadByAnotherThroughKeysInTheDatabase()
    {
        var shared = Shared();
        using var a = new TrainingApp(database: TestDatabase.Postgres, settings: shared);
        using var b = new TrainingApp(database: TestDatabase.Postgres, settings: shared);
        _ = a.Services;
        _ = b.Services;

        var token = a.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Protect("phiên đăng nhập");

        Assert.Equal("phiên đăng nhập", b.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Unprotect(token));
        var keys = await a.WithScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().DataProtectionKeys.CountAsync());
        Assert.True(keys >= 1);
        Assert.False(Directory.Exists(Path.Combine(a.DataPath, "keys")) && Directory.EnumerateFiles(Path.Combine(a.DataPath, "keys")).Any());
    }

    [Fact]
    public void OnSqliteTheKeysStayInTheDataFolder()
    {
        using var app = new TrainingApp();
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Protect("x");
        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(app.DataPath, "keys"), "key-*.xml"));
    }

    private static Dictionary<string, string?> Shared() => new() { ["ConnectionStrings:Postgres"] = PostgresTestServer.CreateDatabase() };
}
