using Microsoft.EntityFrameworkCore.Design;
using Training.Platform.Data;

namespace Training.Certification.Data;

internal sealed class SqliteFactory : IDesignTimeDbContextFactory<CertificationSqliteDbContext>
{
    public CertificationSqliteDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<CertificationSqliteDbContext>(DatabaseProvider.Sqlite, CertificationModule.Name, typeof(CertificationDbContext)));
}

internal sealed class PostgresFactory : IDesignTimeDbContextFactory<CertificationPostgresDbContext>
{
    public CertificationPostgresDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<CertificationPostgresDbContext>(DatabaseProvider.Postgres, CertificationModule.Name, typeof(CertificationDbContext)));
}
