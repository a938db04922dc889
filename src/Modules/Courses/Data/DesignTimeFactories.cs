using Microsoft.EntityFrameworkCore.Design;
using Training.Platform.Data;

namespace Training.Courses.Data;

internal sealed class SqliteFactory : IDesignTimeDbContextFactory<CoursesSqliteDbContext>
{
    public CoursesSqliteDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<CoursesSqliteDbContext>(DatabaseProvider.Sqlite, CoursesModule.Name, typeof(CoursesDbContext)));
}

internal sealed class PostgresFactory : IDesignTimeDbContextFactory<CoursesPostgresDbContext>
{
    public CoursesPostgresDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<CoursesPostgresDbContext>(DatabaseProvider.Postgres, CoursesModule.Name, typeof(CoursesDbContext)));
}
