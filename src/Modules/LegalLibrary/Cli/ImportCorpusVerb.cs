using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Cli;
using Training.LegalLibrary.Corpus;
using Training.LegalLibrary.Import;

namespace Training.LegalLibrary.Cli;

internal sealed class ImportCorpusVerb : ICliVerb
{
    public string Name => "import-corpus";
    public string Usage => "import-corpus <dir>        import a legal corpus folder (laws/*.json, phapdien/*.md, plans/*.txt), all or nothing";

    public async Task<int> RunAsync(CliContext context, CancellationToken ct)
    {
        var args = context.Positional();
        var locator = context.Services.GetRequiredService<CorpusLocator>();
        var folder = args.Count > 0 ? locator.UserPath(args[0]) : locator.DefaultCorpus;
        using var scope = context.Services.CreateScope();
        try
        {
            var result = await scope.ServiceProvider.GetRequiredService<CorpusImporter>().ImportAsync(folder, m => context.Error.WriteLine(m), ct);
            await context.Out.WriteLineAsync($"Imported {folder}: {result}");
            return 0;
        }
        catch (CorpusFormatException ex)
        {
            await context.Error.WriteLineAsync($"Import failed, nothing changed: {ex.Message}");
            return 1;
        }
        catch (DirectoryNotFoundException ex)
        {
            await context.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }
}

internal sealed class ReindexVerb : ICliVerb
{
    public string Name => "reindex";
    public string Usage => "reindex                    rebuild the legal search index from the database";

    public async Task<int> RunAsync(CliContext context, CancellationToken ct)
    {
        using var scope = context.Services.CreateScope();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var count = await scope.ServiceProvider.GetRequiredService<CorpusImporter>().ReindexAsync(ct);
        await context.Out.WriteLineAsync($"Indexed {count} articles in {started.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }
}
