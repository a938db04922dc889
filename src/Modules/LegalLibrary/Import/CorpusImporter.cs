using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Training.Abstractions.Cluster;
using Training.Abstractions.Events;
using Training.LegalLibrary.Corpus;
using Training.LegalLibrary.Data;
using Training.LegalLibrary.Search;
using Training.Platform.Outbox;
using Training.Platform.Time;

namespace Training.LegalLibrary.Import;

public sealed record ImportResult(int Documents, int Articles, int Added, int Updated, int Removed, int Unchanged)
{
    public override string ToString() =>
        $"{Documents} documents, {Articles} articles ({Added} added, {Updated} updated, {Removed} removed, {Unchanged} unchanged)";
}

/// <summary>Imports a corpus folder, all or nothing: every file is parsed and validated first; the library is then
/// brought in line with the corpus in one short transaction (changed articles updated, dropped ones removed, documents
/// no longer in the corpus removed); the index is then rebuilt into a new folder and swapped in. Any error in the input
/// leaves the database and the live index as they were.</summary>
public sealed class CorpusImporter(LegalLibraryDbContext db, LegalIndex index, TimeProvider clock, IClusterEvents events, ILogger<CorpusImporter> log)
{
    /// <summary>The cluster channel on which an import announces a new corpus generation (the message is the number).</summary>
    public const string GenerationChannel = "legal-corpus";

    public async Task<ImportResult> ImportAsync(string folder, Action<string>? progress = null, CancellationToken ct = default)
    {
        progress ??= m => log.LogInformation("{Progress}", m);
        var parsed = CorpusReader.Read(folder, progress);
        progress($"Parsed {parsed.Count} documents, {parsed.Sum(d => d.Articles.Count)} articles; writing the library");

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            // The write transaction is kept short (SQLite has one writer: logins, outboxes and issuance must not wait
            // behind index building). Bad input never gets here: every file was parsed and validated above.
            ImportResult result;
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                result = await WriteAsync(parsed, ct);
                await tx.CommitAsync(ct);
            }
            progress($"Library written: {result}; building the search index");
            // Every node's index follows the new generation (IndexFollower); this one builds its own now.
            var generation = await GenerationAsync(db, ct);
            await events.PublishAsync(GenerationChannel, generation.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
            // The index is derived: built into a new folder from the committed library, then swapped in. If building
            // fails, the previous index stays live and `reindex` (or the next import) rebuilds it.
            await RebuildAsync(ct);
            progress($"Import finished: {result}");
            return result;
        });
    }

    /// <summary>Rebuild the index from the database and make it live.</summary>
    public async Task<int> ReindexAsync(CancellationToken ct = default)
    {
        await RebuildAsync(ct);
        return index.ArticleCount;
    }

    /// <summary>The library's generation: 0 until the first import that changes it.</summary>
    public static async Task<long> GenerationAsync(LegalLibraryDbContext db, CancellationToken ct) =>
        await db.CorpusState.AsNoTracking().Where(s => s.Id == LegalCorpusState.SingletonId).Select(s => s.Generation).FirstOrDefaultAsync(ct);

    /// <summary>Builds this node's index from the database and makes it live, recording the generation it follows. The
    /// generation is read before the articles, so the index is at least as new as the number it records (a newer import
    /// in between only makes the follower build once more).</summary>
    public async Task RebuildAsync(CancellationToken ct, long? onlyIfOlderThan = null)
    {
        await index.BuildLock.WaitAsync(ct);
        try
        {
            if (onlyIfOlderThan is { } wanted && index.CorpusGeneration >= wanted) return;
            var generation = await GenerationAsync(db, ct);
            var today = clock.Today();
            var (entries, catalog) = await IndexSource.LoadAsync(db, today, ct);
            var folder = await Task.Run(() => index.Build(entries, catalog), ct);
            index.Activate(folder, generation);
        }
        finally
        {
            index.BuildLock.Release();
        }
    }

    private async Task<ImportResult> WriteAsync(IReadOnlyList<ParsedDocument> parsed, CancellationToken ct)
    {
        var existing = await db.Documents.Include(d => d.Articles).ToDictionaryAsync(d => d.Slug, ct);
        // Replacements recorded with metadata (number replaced → replacing number and date), read before matching.
        var recordedReplacements = DocumentMetadata.Replacements(existing.Values);
        int added = 0, updated = 0, removed = 0, unchanged = 0;
        var ordinal = 0;
        foreach (var p in parsed)
        {
            if (!existing.Remove(p.Slug, out var doc))
            {
                // A document recorded by its metadata before its text arrived is filled, not duplicated.
                var recorded = existing.Values.FirstOrDefault(d => d.Format == DocumentMetadata.Format && d.Number.Length > 0
                    && string.Equals(d.Number, p.Number, StringComparison.OrdinalIgnoreCase));
                if (recorded is not null)
                {
                    existing.Remove(recorded.Slug);
                    doc = recorded;
                    doc.Slug = p.Slug;
                }
                else
                {
                    doc = new LegalDocument { Slug = p.Slug };
                    db.Documents.Add(doc);
                }
            }
            // What an administrator recorded is newer knowledge than the built-in table.
            var replacement = recordedReplacements.GetValueOrDefault(p.Number) ?? KnownDocuments.ReplacementOf(p.Number);
            doc.Number = p.Number;
            doc.Type = p.Type;
            doc.Title = p.Title;
            doc.Issuer = p.Issuer;
            doc.IssueDate = p.IssueDate;
            doc.EffectiveDate = p.EffectiveDate;
            doc.ReplacedBy = replacement?.ReplacedBy;
            doc.ReplacedFrom = replacement?.From;
            doc.Format = p.Format;
            doc.AlqacLawId = p.AlqacLawId;
            doc.SourceFile = p.SourceFile;
            doc.Ordinal = ordinal++;

            var articles = doc.Articles.ToDictionary(a => a.Key);
            var position = 0;
            foreach (var pa in p.Articles)
            {
                var hash = Hash(pa);
                if (articles.Remove(pa.Key, out var a))
                {
                    if (a.ContentHash == hash && a.Ordinal == position) { unchanged++; position++; continue; }
                    updated++;
                }
                else
                {
                    a = new LegalArticle { Key = pa.Key };
                    doc.Articles.Add(a);
                    added++;
                }
                a.Number = pa.Number;
                a.Title = pa.Title;
                a.Body = pa.Body;
                a.Path = pa.Path;
                a.SourceNote = pa.SourceNote;
                a.SourceNumber = pa.SourceNumber;
                a.SourceArticle = pa.SourceArticle;
                a.SourceTitle = pa.SourceTitle;
                a.AlqacArticleId = pa.AlqacArticleId;
                a.Ordinal = position++;
                a.ContentHash = hash;
            }
            removed += articles.Count;
            db.Articles.RemoveRange(articles.Values);
        }
        // Documents recorded without text stay until their text is imported.
        foreach (var gone in existing.Values.Where(d => d.Format != DocumentMetadata.Format))
        {
            removed += gone.Articles.Count;
            db.Documents.Remove(gone);
        }
        // Same transaction as the change: modules that resolved citations against the previous library resolve them again.
        if (added + updated + removed > 0) db.Enqueue(new LegalLibraryChanged(Guid.NewGuid(), clock.GetUtcNow(), added, updated, removed));
        await db.SaveChangesAsync(ct);
        if (added + updated + removed > 0) await NextGenerationAsync(ct);
        db.ChangeTracker.Clear();
        return new ImportResult(parsed.Count, parsed.Sum(d => d.Articles.Count), added, updated, removed, unchanged);
    }

    /// <summary>Raises the generation in the import's transaction (the row lock orders concurrent imports).</summary>
    private async Task NextGenerationAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var raised = await db.CorpusState.Where(s => s.Id == LegalCorpusState.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Generation, x => x.Generation + 1).SetProperty(x => x.ChangedAt, now), ct);
        if (raised == 0)
        {
            db.CorpusState.Add(new LegalCorpusState { Generation = 1, ChangedAt = now });
            await db.SaveChangesAsync(ct);
        }
    }

    private static string Hash(ParsedArticle a)
    {
        var text = string.Join('\u001f', a.Number, a.Title, a.Body, a.Path, a.SourceNote, a.SourceNumber, a.SourceArticle, a.SourceTitle, a.AlqacArticleId);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }
}
