using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Training.Abstractions.Hosting;
using Training.LegalLibrary.Bench;
using Training.LegalLibrary.Search;

// Benchmarks of the legal search (docs/benchmarks-legal.md):
//   dotnet run -c Release --project bench/LegalLibrary.Bench -- quality [corpus] [queries]
//   dotnet run -c Release --project bench/LegalLibrary.Bench -- latency
//   dotnet run -c Release --project bench/LegalLibrary.Bench -- scale [articles]
//   dotnet run -c Release --project bench/LegalLibrary.Bench -- cv       (5-fold cross-validation of the variants)
//   ... -- explore | misses | profile   (variants side by side, missed dev queries, CPU per query stage)
var mode = args.FirstOrDefault() ?? "quality";
var root = Training.LegalLibrary.Import.CorpusLocator.RepositoryRoot(Directory.GetCurrentDirectory());
var corpus = args.Length > 1 && mode == "quality" ? args[1] : Path.Combine(root, "..", "shared", "corpus");
var queriesPath = args.Length > 2 ? args[2] : Path.Combine(root, "..", "shared", "eval", "dev-queries.jsonl");
var queries = EvalQuery.Read(queriesPath).ToList();
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");

var work = Path.Combine(Path.GetTempPath(), "legal-bench-" + Guid.NewGuid().ToString("N")[..8]);
try
{
    if (mode == "quality") Quality.Run(corpus, queries, work);
    else if (mode == "tune") Quality.Run(corpus, queries, work, quick: true);
    else if (mode == "latency") Latency.Run(corpus, queries, work);
    else if (mode == "misses") Misses.Run(corpus, queries, work);
    else if (mode == "profile") Profile.Run(corpus, queries, work);
    else if (mode == "explore") Explore.Run(corpus, queries, work, new (string, SearchTuning)[]
    {
        ("product", SearchTuning.Default),
        ("title bigrams only", SearchTuning.Default with { TitleUnigrams = false }),
        ("no folded title clauses", SearchTuning.Default with { TitleFolded = false }),
        ("title bigrams only, no folded title clauses", SearchTuning.Default with { TitleUnigrams = false, TitleFolded = false }),
    });
    else if (mode == "cv") CrossValidation.Run(corpus, queries, work, Variants.All);
    else if (mode == "scale") Scale.Run(corpus, queries, work, args.Length > 1 ? int.Parse(args[1]) : 100_000);
    else Console.Error.WriteLine("modes: quality | tune | cv | latency | scale [n] | explore | misses | profile");
}
finally
{
    try { Directory.Delete(work, true); } catch (IOException) { }
}
