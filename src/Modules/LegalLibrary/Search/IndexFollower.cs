using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Training.Abstractions.Cluster;
using Training.LegalLibrary.Data;
using Training.LegalLibrary.Import;

namespace Training.LegalLibrary.Search;

/// <summary>Keeps this node's Lucene index on the library's corpus generation (<see cref="LegalCorpusState"/>): an import
/// on any node raises the generation and announces it (<see cref="CorpusImporter.GenerationChannel"/>, PostgreSQL
/// <c>NOTIFY</c>); each node then rebuilds its own index from the database. A missed message costs at most
/// <see cref="LegalLibraryOptions.FollowPollSeconds"/> (15 s): the generation is also read on that period. Runs on every
/// node (each has its own index), unlike the singleton jobs.</summary>
public sealed class IndexFollower(IServiceScopeFactory scopes, LegalIndex index, IClusterEvents events, IOptions<LegalLibraryOptions> options,
    ILogger<IndexFollower> log) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = events.Subscribe(CorpusImporter.GenerationChannel, (_, _) =>
        {
            if (_wake.CurrentCount == 0) _wake.Release();
            return Task.CompletedTask;
        });
        var poll = TimeSpan.FromSeconds(Math.Max(1, options.Value.FollowPollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await FollowOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "Following the legal corpus generation failed; trying again in {Seconds} s", poll.TotalSeconds);
            }
            try
            {
                await _wake.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Rebuilds the index when the library's generation is newer than the one it was built from.</summary>
    public async Task<bool> FollowOnceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LegalLibraryDbContext>();
        var generation = await CorpusImporter.GenerationAsync(db, ct);
        // Generation 0: nothing imported since generations exist; an existing index (from before) keeps serving.
        if (generation == 0 || index.CorpusGeneration >= generation) return false;
        log.LogInformation("Legal corpus generation {Generation} is newer than this node's index ({Current}); rebuilding",
            generation.ToString(CultureInfo.InvariantCulture), index.CorpusGeneration.ToString(CultureInfo.InvariantCulture));
        await scope.ServiceProvider.GetRequiredService<CorpusImporter>().RebuildAsync(ct, onlyIfOlderThan: generation);
        return true;
    }
}
