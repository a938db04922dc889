using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Cli;
using Training.LegalLibrary.Data;
using Training.LegalLibrary.Import;
using Training.LegalLibrary.Search;

namespace Training.LegalLibrary.Cli;

/// <summary><c>search "query" [--top N]</c> prints results; <c>search --queries file.jsonl --top 10</c> reads
/// <c>{"id","text"}</c> lines and writes <c>{"id","hits":[{"law_id","article_id","score"}]}</c> lines to standard output.</summary>
internal sealed class SearchVerb : ICliVerb
{
    public string Name => "search";
    public string Usage => "search \"<query>\" [--top N] | search --queries <file.jsonl> [--top 10]   search the legal library";

    public async Task<int> RunAsync(CliContext context, CancellationToken ct)
    {
        var top = int.TryParse(context.Option("--top"), out var t) && t > 0 ? t : 10;
        var file = context.Option("--queries") is { } f ? context.Services.GetRequiredService<CorpusLocator>().UserPath(f) : null;
        var text = string.Join(' ', context.Positional("--top", "--queries"));
        if (file is null && text.Length == 0)
        {
            await context.Error.WriteLineAsync("Usage: " + Usage);
            return 2;
        }
        await EnsureLibraryAsync(context, ct);
        var searcher = context.Services.GetRequiredService<LegalSearcher>();
        if (file is not null)
        {
            if (!File.Exists(file)) { await context.Error.WriteLineAsync($"Query file not found: {file}"); return 1; }
            foreach (var q in EvalQuery.Read(file))
            {
                var outcome = searcher.Search(new SearchQuery(q.Text, PageSize: top, Facets: false));
                var hits = outcome.Hits.Select(h => new BatchHit(h.LawId, h.AlqacArticleId, Math.Round(h.Score, 4)));
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(new BatchLine(q.Id, hits.ToList()), EvalQuery.Json));
            }
            return 0;
        }
        var result = searcher.Search(new SearchQuery(text, PageSize: top));
        using var scope = context.Services.CreateScope();
        var articles = await scope.ServiceProvider.GetRequiredService<LegalLibraryReader>().ArticlesAsync(result.Hits.Select(h => h.ArticleId), ct);
        if (result.Plan?.NamedDocument is { } named) await context.Error.WriteLineAsync($"(document named in the query: {named})");
        if (result.Plan?.Restored is { } restored) await context.Error.WriteLineAsync($"(restored diacritics: {string.Join(' ', restored)})");
        var rank = 0;
        foreach (var h in result.Hits)
        {
            var a = articles[h.ArticleId];
            await context.Out.WriteLineAsync($"{++rank,2}. {h.Score,7:0.000}  {a.Document!.Title} – {a.Heading}  /legal/{a.Document.Slug}/{a.Key}");
        }
        if (rank == 0) await context.Out.WriteLineAsync("No results.");
        return 0;
    }

    /// <summary>When the library is empty, import the default corpus first (said on standard error).</summary>
    internal static async Task EnsureLibraryAsync(CliContext context, CancellationToken ct)
    {
        using var scope = context.Services.CreateScope();
        var reader = scope.ServiceProvider.GetRequiredService<LegalLibraryReader>();
        var index = context.Services.GetRequiredService<LegalIndex>();
        var importer = scope.ServiceProvider.GetRequiredService<CorpusImporter>();
        if (await reader.IsEmptyAsync(ct))
        {
            var folder = context.Services.GetRequiredService<CorpusLocator>().DefaultCorpus;
            await context.Error.WriteLineAsync($"The legal library is empty: importing the default corpus {folder} first.");
            await importer.ImportAsync(folder, m => context.Error.WriteLine(m), ct);
        }
        else if (!index.IsReady)
        {
            await context.Error.WriteLineAsync("The legal index is missing: rebuilding it from the database first.");
            await importer.ReindexAsync(ct);
        }
    }

    private sealed record BatchHit(
        [property: System.Text.Json.Serialization.JsonPropertyName("law_id")] string? LawId,
        [property: System.Text.Json.Serialization.JsonPropertyName("article_id")] string? ArticleId,
        [property: System.Text.Json.Serialization.JsonPropertyName("score")] double Score);

    private sealed record BatchLine(
        [property: System.Text.Json.Serialization.JsonPropertyName("id")] JsonElement Id,
        [property: System.Text.Json.Serialization.JsonPropertyName("hits")] IReadOnlyList<BatchHit> Hits);
}
