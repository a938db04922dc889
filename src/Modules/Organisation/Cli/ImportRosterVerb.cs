using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Cli;
using Training.Abstractions.Organisation;
using Training.Organisation.Roster;

namespace Training.Organisation.Cli;

/// <summary><c>import-roster &lt;file.csv&gt;</c>: imports staff for the whole organisation, all-or-nothing.</summary>
internal sealed class ImportRosterVerb : ICliVerb
{
    public string Name => "import-roster";
    public string Usage => "import-roster <file.csv>";

    public async Task<int> RunAsync(CliContext context, CancellationToken ct)
    {
        var args = context.Positional();
        if (args.Count != 1)
        {
            await context.Error.WriteLineAsync($"Usage: {Usage}");
            return 2;
        }
        if (!File.Exists(args[0]))
        {
            await context.Error.WriteLineAsync($"import-roster: file not found: {args[0]}");
            return 1;
        }
        using var scope = context.Services.CreateScope();
        var importer = scope.ServiceProvider.GetRequiredService<RosterImporter>();
        await using var file = File.OpenRead(args[0]);
        var result = await importer.ImportAsync(file, UnitScope.Everything, ct);
        if (!result.Succeeded)
        {
            await context.Error.WriteLineAsync($"import-roster: {args[0]} was not imported; nothing changed. {result.Errors.Count} error(s):");
            foreach (var error in result.Errors) await context.Error.WriteLineAsync("  " + error);
            return 1;
        }
        await context.Out.WriteLineAsync($"Imported {args[0]}: {result.Created} created, {result.Updated} updated, {result.Unchanged} unchanged, {result.UnitsCreated} new units.");
        return 0;
    }
}
