using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Cli;
using Training.LegalLibrary.Search;

namespace Training.LegalLibrary.Cli;

/// <summary><c>search-eval --queries file.jsonl</c>: R@1, R@5, R@10, MRR@10 as written and with diacritics stripped.</summary>
internal sealed class SearchEvalVerb : ICliVerb
{
    public string Name => "search-eval";
    public string Usage => "search-eval --queries <file.jsonl>   recall and MRR of the legal search, as written and without diacritics";

    public async Task<int> RunAsync(CliContext context, CancellationToken ct)
    {
        var file = (context.Option("--queries") ?? context.Positional("--queries").FirstOrDefault()) is { } f
            ? context.Services.GetRequiredService<Import.CorpusLocator>().UserPath(f) : null;
        if (file is null || !File.Exists(file))
        {
            await context.Error.WriteLineAsync(file is null ? "Usage: " + Usage : $"Query file not found: {file}");
            return 2;
        }
        await SearchVerb.EnsureLibraryAsync(context, ct);
        var searcher = context.Services.GetRequiredService<LegalSearcher>();
        var queries = EvalQuery.Read(file).ToList();
        Evaluator.Run(searcher, queries.Take(50).ToList(), false); // warm-up
        await context.Out.WriteLineAsync($"as written:          {Evaluator.Run(searcher, queries, false)}");
        await context.Out.WriteLineAsync($"diacritics stripped: {Evaluator.Run(searcher, queries, true)}");
        return 0;
    }
}
