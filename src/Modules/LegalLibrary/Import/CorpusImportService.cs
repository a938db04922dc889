using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Training.LegalLibrary.Data;
using Training.LegalLibrary.Search;
using Training.Platform.Cluster;

namespace Training.LegalLibrary.Import;

/// <summary>At start, imports the configured corpus in the background (start-up is not delayed; the search page
/// says the library is being prepared meanwhile). A missing corpus folder is skipped with a log line. A corpus whose
/// content hash matches the last successful import is not imported again while its index is live; a changed corpus is
/// re-imported while the current index keeps serving until the new one is ready. With several nodes on one database the
/// import runs on one node (a cluster lock) and the corpus hash is kept in the database: a node that finds the same
/// hash there skips the import, and <see cref="IndexFollower"/> builds its index from the database.</summary>
public sealed class CorpusImportService(
    IServiceProvider services, IOptions<LegalLibraryOptions> options, CorpusLocator locator, ImportStatus status,
    CorpusFingerprint fingerprint, LegalIndex index, IClusterLocks locks, ILogger<CorpusImportService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.AutoImport) return;
        var folder = locator.DefaultCorpus;
        if (!Directory.Exists(folder))
        {
            log.LogInformation("Legal corpus folder {Folder} not found; background import skipped", folder);
            return;
        }
        // Let the host finish starting (migrations run in a hosted service registered before this one).
        await Task.Yield();
        var hash = await Task.Run(() => CorpusFingerprint.Compute(folder), stoppingToken);
        if (index.IsReady && fingerprint.Matches(hash))
        {
            log.LogInformation("Legal corpus {Folder} unchanged since the last import; import skipped", folder);
            return;
        }
        status.Start("Đang nhập thư viện pháp luật");
        try
        {
            await WaitForDatabaseAsync(stoppingToken);
            await using var lease = await locks.AcquireAsync("legal-import", stoppingToken);
            if (await ImportedByAnotherNodeAsync(hash, stoppingToken))
            {
                log.LogInformation("Legal corpus {Folder} already imported into the database; this node's index follows it", folder);
                fingerprint.Remember(hash);
                status.Finish();
                return;
            }
            using var scope = services.CreateScope();
            var importer = scope.ServiceProvider.GetRequiredService<CorpusImporter>();
            log.LogInformation("Importing the legal corpus from {Folder} in the background", folder);
            var result = await importer.ImportAsync(folder, m =>
            {
                status.Progress(m);
                log.LogInformation("Legal import: {Progress}", m);
            }, stoppingToken);
            log.LogInformation("Legal corpus imported: {Result}", result);
            await RememberAsync(scope.ServiceProvider.GetRequiredService<LegalLibraryDbContext>(), hash, stoppingToken);
            fingerprint.Remember(hash);
            status.Finish();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            status.Finish();
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Legal corpus import failed; the library is unchanged");
            status.Fail(ex.Message);
        }
    }

    private async Task<bool> ImportedByAnotherNodeAsync(string hash, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LegalLibraryDbContext>();
        return await db.CorpusState.AsNoTracking().AnyAsync(s => s.Id == LegalCorpusState.SingletonId && s.CorpusSha256 == hash.ToLowerInvariant(), ct);
    }

    private static async Task RememberAsync(LegalLibraryDbContext db, string hash, CancellationToken ct)
    {
        // Lower case: the column holds 64 hexadecimal characters either way.
        var value = hash.ToLowerInvariant();
        if (await db.CorpusState.Where(s => s.Id == LegalCorpusState.SingletonId).ExecuteUpdateAsync(s => s.SetProperty(x => x.CorpusSha256, value), ct) == 0)
        {
            db.CorpusState.Add(new LegalCorpusState { CorpusSha256 = value, ChangedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>The host migrates in its own hosted service; wait until the library's table exists.</summary>
    private async Task WaitForDatabaseAsync(CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<LegalLibraryDbContext>();
            if (!(await db.Database.GetPendingMigrationsAsync(ct)).Any()) return;
            if (attempt > 600) throw new TimeoutException("The legal library's database migrations did not complete.");
            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
        }
    }
}
