using Microsoft.EntityFrameworkCore.Design;
using Training.Platform.Data;

namespace Training.Organisation.Data;

internal sealed class SqliteFactory : IDesignTimeDbContextFactory<OrganisationSqliteDbContext>
{
    public OrganisationSqliteDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<OrganisationSqliteDbContext>(DatabaseProvider.Sqlite, OrganisationModule.Name, typeof(OrganisationDbContext)));
}

internal sealed class PostgresFactory : IDesignTimeDbContextFactory<OrganisationPostgresDbContext>
{
    public OrganisationPostgresDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<OrganisationPostgresDbContext>(DatabaseProvider.Postgres, OrganisationModule.Name, typeof(OrganisationDbContext)));
}
