using Training.Abstractions.Cli;

namespace Training.Site.Cli;

/// <summary><c>migrate</c>: applies every module's pending migrations (the verb runner migrates before any verb,
/// so this verb only reports).</summary>
internal sealed class MigrateVerb : ICliVerb
{
    public string Name => "migrate";
    public string Usage => "migrate";

    public async Task<int> RunAsync(CliContext context, CancellationToken ct)
    {
        await context.Out.WriteLineAsync("Database is up to date.");
        return 0;
    }
}
