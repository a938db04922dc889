using Microsoft.EntityFrameworkCore.Design;
using Training.Platform.Data;

namespace Training.Reporting.Data;

internal sealed class SqliteFactory : IDesignTimeDbContextFactory<ReportingSqliteDbContext>
{
    public ReportingSqliteDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<ReportingSqliteDbContext>(DatabaseProvider.Sqlite, ReportingModule.Name, typeof(ReportingDbContext)));
}

internal sealed class PostgresFactory : IDesignTimeDbContextFactory<ReportingPostgresDbContext>
{
    public ReportingPostgresDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<ReportingPostgresDbContext>(DatabaseProvider.Postgres, ReportingModule.Name, typeof(ReportingDbContext)));
}
