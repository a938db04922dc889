using Microsoft.Extensions.DependencyInjection;
using Training.LegalLibrary.Import;

namespace Training.LegalLibrary.Tests;

/// <summary>A site with the small fixture corpus imported through the services.</summary>
internal static class LegalFixture
{
    public static string Corpus => Path.Combine(AppContext.BaseDirectory, "Fixtures", "corpus");

    /// <summary>A copy of the fixture corpus the test may change.</summary>
    public static string CopyCorpus()
    {
        var target = Path.Combine(Path.GetTempPath(), "legal-corpus-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(Corpus, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(target, Path.GetRelativePath(Corpus, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
        return target;
    }

    public static async Task<TrainingApp> CreateAsync(string? corpus = null)
    {
        var app = new TrainingApp();
        _ = app.Server;
        await ImportAsync(app, corpus ?? Corpus);
        return app;
    }

    public static Task<ImportResult> ImportAsync(TrainingApp app, string corpus) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<CorpusImporter>().ImportAsync(corpus, _ => { }));
}
