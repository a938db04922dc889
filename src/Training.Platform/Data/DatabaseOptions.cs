namespace Training.Platform.Data;

/// <summary>Which database the site uses. Bound from the <c>Database</c> section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (default, embedded under the data folder) or <c>Postgres</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Resolved connection string (SQLite: built from the data folder; Postgres: <c>ConnectionStrings:Postgres</c>).</summary>
    public string ConnectionString { get; set; } = "";
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
