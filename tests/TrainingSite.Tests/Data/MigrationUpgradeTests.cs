using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Training.Organisation.Data;

namespace Training.Site.Tests.Data;

/// <summary>A database created by the previous migration upgrades to the current schema with its data intact.</summary>
public sealed class MigrationUpgradeTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task DatabaseFromThePreviousMigrationUpgradesWithItsData(TestDatabase database)
    {
        // The site migrates to the latest at start; take the organisation schema back one migration,
        // write data in the old shape, then migrate forward again as a new start would.
        using var app = new TrainingApp(database: database);
        var unitId = Guid.NewGuid();
        var (previous, latest) = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganisationDbContext>();
            var all = db.Database.GetMigrations().ToList();
            Assert.True(all.Count >= 2, "needs at least two migrations");
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(all[^2]);
            // Quoted identifiers, valid on both SQLite and PostgreSQL.
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"org_units\" (\"Id\", \"ParentId\", \"Code\", \"Name\", \"Kind\", \"Path\", \"Depth\") VALUES ({0}, NULL, 'OLD1', 'Sở Giáo dục và Đào tạo Ninh Bình', 'Sở', {1}, 0)",
                unitId, $"/{unitId:N}/");
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"AspNetUsers\" (\"Id\", \"UserName\", \"NormalizedUserName\", \"FullName\", \"StaffCode\", \"PrimaryUnitId\", \"IsActive\", \"CreatedAt\", " +
                "\"EmailConfirmed\", \"PhoneNumberConfirmed\", \"TwoFactorEnabled\", \"LockoutEnabled\", \"AccessFailedCount\") " +
                "VALUES ('u-old', 'cu', 'CU', 'Đinh Thị Cũ', 'OLD-001', {0}, TRUE, {1}, FALSE, FALSE, FALSE, TRUE, 0)",
                unitId, DateTimeOffset.UtcNow);
            Assert.Contains(all[^1], (await db.Database.GetPendingMigrationsAsync()).ToList());
            return (all[^2], all[^1]);
        });

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganisationDbContext>();
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            var user = await db.Users.SingleAsync(u => u.Id == "u-old");
            Assert.Equal(("Đinh Thị Cũ", "OLD-001", unitId), (user.FullName, user.StaffCode, user.PrimaryUnitId!.Value));
            Assert.Null(user.PreferredLanguage);
            user.PreferredLanguage = "en";
            await db.SaveChangesAsync();
            Assert.Equal("Sở Giáo dục và Đào tạo Ninh Bình", (await db.Units.SingleAsync(u => u.Id == unitId)).Name);
        });
        Assert.NotEqual(previous, latest);
    }
}
