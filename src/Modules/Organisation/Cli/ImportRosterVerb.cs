using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Cli;
using Training.Organisation.Roster;

namespace Training.Organisation.Cli;

/// <summary><c>import-roster &lt;file.csv&gt; [--create-units]</c>: imports staff for the whole organisation as the system,
/// all-or-nothing. Units the file names that do not exist are created only with <c>--create-units</c>, so that a typo in
/// a unit path is seen before it becomes a unit.</summary>
internal sealed class ImportRosterVerb : ICliVerb
{
    public string Name => "import-roster";
    public string Usage => "import-roster <file.csv> [--create-units]";

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
        var result = await importer.ImportAsync(file, RosterAuthority.System, new RosterImportOptions(CreateUnits: context.Has("--create-units"), Source: "cli"), ct);
        if (result.NeedsConfirmation)
        {
            await context.Error.WriteLineAsync($"import-roster: {args[0]} was not imported; nothing changed. It names {result.NewUnits.Count} unit(s) that do not exist; check them and run again with --create-units to create them:");
            foreach (var unit in result.NewUnits)
                await context.Error.WriteLineAsync($"  Dòng {unit.Line}: {unit.Path}" + (unit.Suggestion is null ? "" : $" (có phải «{unit.Suggestion}»?)"));
            return 1;
        }
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
