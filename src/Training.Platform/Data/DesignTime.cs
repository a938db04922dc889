namespace Training.Platform.Data;

/// <summary>
/// How <c>dotnet ef</c> builds the module contexts: there is no factory per module. With
/// <c>--startup-project src/TrainingSite</c> the tools run the host's <c>Program</c> up to <c>Build()</c> and take every
/// context from its service container (<see cref="TrainingDbContextRegistration"/>), where the SQLite subclass is always
/// configured for SQLite and the PostgreSQL subclass for PostgreSQL. The provider that is not in use gets the placeholder
/// connection below: generating migrations never opens a connection.
/// </summary>
public static class DesignTime
{
    /// <summary>A well-formed connection string for <paramref name="provider"/> that is never opened.</summary>
    public static string PlaceholderConnection(DatabaseProvider provider) => provider == DatabaseProvider.Postgres
        ? "Host=localhost;Database=training_design;Username=postgres"
        : "Data Source=design.db";
}
