using Microsoft.EntityFrameworkCore.Design;
using Training.Platform.Data;

namespace Training.LegalLibrary.Data;

internal sealed class SqliteFactory : IDesignTimeDbContextFactory<LegalLibrarySqliteDbContext>
{
    public LegalLibrarySqliteDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<LegalLibrarySqliteDbContext>(DatabaseProvider.Sqlite, LegalLibraryModule.Name, typeof(LegalLibraryDbContext)));
}

internal sealed class PostgresFactory : IDesignTimeDbContextFactory<LegalLibraryPostgresDbContext>
{
    public LegalLibraryPostgresDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<LegalLibraryPostgresDbContext>(DatabaseProvider.Postgres, LegalLibraryModule.Name, typeof(LegalLibraryDbContext)));
}
