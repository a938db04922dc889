using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Training.Abstractions.Cli;
using Training.Abstractions.Storage;
using Training.Platform.Data;
using Training.Platform.Storage;

namespace Training.Platform.Tests.Storage;

/// <summary>Listing every store and sweeping orphans: only old blobs, only under a prefix an owner claims, only those
/// the owner no longer records; and the stores' own leftovers of interrupted puts.</summary>
[Collection("S3")]
public sealed class BlobSweepTests(MotoS3 moto)
{
    /// <summary>A module's records, as far as the sweep can tell: the keys it names.</summary>
    private sealed class RecordedKeys : IBlobOwner
    {
        public static readonly HashSet<string> Keys = new(StringComparer.Ordinal);
        public string Prefix => "test-owned/";

        public Task<IReadOnlySet<string>> InUseAsync(IReadOnlyCollection<string> keys, CancellationToken ct = default)
        {
            lock (Keys) return Task.FromResult<IReadOnlySet<string>>(keys.Where(Keys.Contains).ToHashSet(StringComparer.Ordinal));
        }
    }

    /// <summary>A second module claiming a prefix inside <see cref="RecordedKeys"/>' one.</summary>
    private sealed class InnerOwner : IBlobOwner
    {
        public string Prefix => "test-owned/inner/";

        public Task<IReadOnlySet<string>> InUseAsync(IReadOnlyCollection<string> keys, CancellationToken ct = default) =>
            Task.FromResult<IReadOnlySet<string>>(keys.ToHashSet(StringComparer.Ordinal));
    }

    public static TheoryData<TestDatabase, BlobStoreKind> Stores() => new()
    {
        { TestDatabase.Sqlite, BlobStoreKind.Auto },
        { TestDatabase.Sqlite, BlobStoreKind.Database },
        { TestDatabase.Postgres, BlobStoreKind.Auto },
        { TestDatabase.Postgres, BlobStoreKind.S3 },
    };

    /// <summary>Stores whose blob times follow the site's clock (an S3 server stamps its own time).</summary>
    public static TheoryData<TestDatabase, BlobStoreKind> ClockedStores() => new()
    {
        { TestDatabase.Sqlite, BlobStoreKind.Auto },
        { TestDatabase.Sqlite, BlobStoreKind.Database },
        { TestDatabase.Postgres, BlobStoreKind.Auto },
    };

    private async Task<TrainingApp> AppAsync(TestDatabase database, BlobStoreKind kind, FakeTimeProvider? clock = null, bool job = false)
    {
        var settings = kind == BlobStoreKind.S3 ? await moto.NewBucketSettingsAsync() : new Dictionary<string, string?> { ["Storage:Provider"] = kind.ToString() };
        settings["Storage:Sweep"] = job ? "true" : "false";
        var app = new TrainingApp(database: database, settings: settings).WithServices(s => s.AddScoped<IBlobOwner, RecordedKeys>());
        if (clock is not null) app.WithServices(s => s.AddSingleton<TimeProvider>(clock));
        return app;
    }

    private static Task<BlobInfo> PutAsync(IBlobStore store, string key, int bytes = 1000) =>
        store.PutAsync(key, new MemoryStream(RandomNumberGenerator.GetBytes(bytes)), "application/octet-stream");

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task AListingPagesThroughOnePrefixInKeyOrder(TestDatabase database, BlobStoreKind kind)
    {
        using var app = await AppAsync(database, kind);
        var store = app.Services.GetRequiredService<IBlobStore>();
        var listing = Assert.IsAssignableFrom<IBlobListing>(store);
        string[] keys = ["list/a/1", "list/a/2", "list/b.pdf", "list/c/d/3", "list/e"];
        foreach (var key in keys.Reverse()) await PutAsync(store, key, 10 + key.Length);
        await PutAsync(store, "listing/not-this");
        await PutAsync(store, "other/list/x");

        var pages = new List<IReadOnlyList<BlobEntry>>();
        for (string? after = null; ;)
        {
            var page = await listing.ListAsync("list/", after, 2);
            if (page.Count == 0) break;
            pages.Add(page);
            after = page[^1].Key;
        }

        Assert.Equal([2, 2, 1], pages.Select(p => p.Count));
        Assert.Equal(keys, pages.SelectMany(p => p).Select(e => e.Key));
        Assert.All(pages.SelectMany(p => p), e => Assert.Equal(10 + e.Key.Length, e.Length));
        Assert.Empty(await listing.ListAsync("nothing/", null, 10));

        // The sweep's walk visits the same blobs once each (in whatever order the store walks).
        var walked = new List<BlobEntry>();
        await foreach (var entry in listing.EnumerateAsync("list/")) walked.Add(entry);
        Assert.Equal(keys, walked.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.All(walked, e => Assert.Equal(10 + e.Key.Length, e.Length));
        await foreach (var _ in listing.EnumerateAsync("nothing/")) Assert.Fail("A walk of an empty prefix found a blob.");
    }

    [Theory]
    [InlineData(BlobStoreKind.Auto)]
    [InlineData(BlobStoreKind.Database)]
    public async Task TheSweepJudgesEveryBlobOfAPrefixLargerThanAPageOnce(BlobStoreKind kind)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = await AppAsync(TestDatabase.Sqlite, kind, clock);
        var store = app.Services.GetRequiredService<IBlobStore>();
        var run = Guid.NewGuid().ToString("N");
        var keys = Enumerable.Range(0, 2 * BlobSweeper.PageSize + 37).Select(i => $"test-owned/{run}/{i % 7}/{i:D5}").ToList();
        foreach (var key in keys) await PutAsync(store, key, 10);
        lock (RecordedKeys.Keys) RecordedKeys.Keys.UnionWith(keys.Where((_, i) => i % 3 == 0));
        clock.Advance(TimeSpan.FromHours(49));

        var line = (await app.WithScopeAsync(sp => sp.GetRequiredService<BlobSweeper>().SweepAsync(false, CancellationToken.None)))
            .Owners.Single(o => o.Prefix == "test-owned/");

        var recorded = keys.Where((_, i) => i % 3 == 0).ToList();
        Assert.Equal((keys.Count, 0), (line.Listed, line.Young));
        Assert.Equal(keys.Count - recorded.Count, line.Orphans);
        foreach (var key in keys) Assert.Equal(recorded.Contains(key), await store.GetInfoAsync(key) is not null);
    }

    [Fact]
    public async Task AnOwnerWhosePrefixLiesInsideAnothersStopsTheSweepBeforeItDeletesAnything()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = (await AppAsync(TestDatabase.Sqlite, BlobStoreKind.Database, clock)).WithServices(s => s.AddScoped<IBlobOwner, InnerOwner>());
        var store = app.Services.GetRequiredService<IBlobStore>();
        var key = $"test-owned/inner/{Guid.NewGuid():N}";
        await PutAsync(store, key);
        clock.Advance(TimeSpan.FromHours(49));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            app.WithScopeAsync(sp => sp.GetRequiredService<BlobSweeper>().SweepAsync(false, CancellationToken.None)));

        Assert.Contains("test-owned/inner/", error.Message);
        Assert.NotNull(await store.GetInfoAsync(key));
    }

    [Theory]
    [MemberData(nameof(ClockedStores))]
    public async Task TheSweepDeletesOnlyOldBlobsTheirOwnerNoLongerRecords(TestDatabase database, BlobStoreKind kind)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = await AppAsync(database, kind, clock);
        var store = app.Services.GetRequiredService<IBlobStore>();
        var run = Guid.NewGuid().ToString("N");
        string Key(string name) => $"test-owned/{run}/{name}";
        await PutAsync(store, Key("recorded"));
        await PutAsync(store, Key("orphan"), 1234);
        await PutAsync(store, $"unclaimed/{run}/orphan");
        lock (RecordedKeys.Keys) RecordedKeys.Keys.Add(Key("recorded"));
        clock.Advance(TimeSpan.FromHours(49));
        await PutAsync(store, Key("young-orphan"));

        Task<SweepReport> SweepAsync(bool dryRun) => app.WithScopeAsync(sp => sp.GetRequiredService<BlobSweeper>().SweepAsync(dryRun, CancellationToken.None));
        var dry = await SweepAsync(dryRun: true);
        Assert.NotNull(await store.GetInfoAsync(Key("orphan")));
        var report = await SweepAsync(dryRun: false);

        var line = report.Owners.Single(o => o.Prefix == "test-owned/");
        Assert.Equal((1, 1, 1234L), (dry.Owners.Single(o => o.Prefix == "test-owned/").Orphans, line.Orphans, line.OrphanBytes));
        Assert.True(line.Listed >= 3 && line.Young >= 1 && line.InUse >= 1);
        Assert.Null(await store.GetInfoAsync(Key("orphan")));
        Assert.NotNull(await store.GetInfoAsync(Key("recorded")));
        Assert.NotNull(await store.GetInfoAsync(Key("young-orphan")));
        Assert.NotNull(await store.GetInfoAsync($"unclaimed/{run}/orphan"));
        Assert.Equal(0, (await SweepAsync(dryRun: false)).Owners.Single(o => o.Prefix == "test-owned/").Orphans);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task ChunksOfAnUploadThatDiedAreSweptOnceOldAndNoOthers(TestDatabase database)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = await AppAsync(database, BlobStoreKind.Database, clock);
        var store = app.Services.GetRequiredService<IBlobStore>();
        await PutAsync(store, "test-owned/kept", 300_000);
        var died = Guid.CreateVersion7(clock.GetUtcNow().AddHours(-50));
        var running = Guid.CreateVersion7(clock.GetUtcNow().AddMinutes(-5));
        var unknownAge = Guid.NewGuid();
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            foreach (var version in new[] { died, running, unknownAge })
                for (var i = 0; i < 2; i++) db.BlobChunks.Add(new StoredBlobChunk { VersionId = version, Index = i, Data = [1, 2, 3] });
            await db.SaveChangesAsync();
        });
        lock (RecordedKeys.Keys) RecordedKeys.Keys.Add("test-owned/kept");

        var report = await app.WithScopeAsync(sp => sp.GetRequiredService<BlobSweeper>().SweepAsync(false, CancellationToken.None));

        var left = await app.WithScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().BlobChunks.Select(c => c.VersionId).Distinct().ToListAsync());
        Assert.Equal(1, report.Leftovers);
        Assert.DoesNotContain(died, left);
        Assert.Contains(running, left);
        Assert.Contains(unknownAge, left);
        await using var kept = (await store.OpenReadAsync("test-owned/kept"))!;
        Assert.Equal(300_000, kept.Stream.Length);
    }

    [Fact]
    public async Task TheDataFolderStoreSweepsOldTemporaryAndUnnamedFilesOnly()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = await AppAsync(TestDatabase.Sqlite, BlobStoreKind.Auto, clock);
        var store = app.Services.GetRequiredService<IBlobStore>();
        var files = (IBlobFiles)store;
        await PutAsync(store, "test-owned/kept");
        lock (RecordedKeys.Keys) RecordedKeys.Keys.Add("test-owned/kept");
        var root = Path.Combine(app.DataPath, "blobs");
        var oldTemp = Path.Combine(root, "tmp", "dead-upload");
        var newTemp = Path.Combine(root, "tmp", "live-upload");
        var unnamed = Path.Combine(root, "data", "test-owned", "kept.0123456789abcdef");
        foreach (var file in new[] { oldTemp, newTemp, unnamed }) await File.WriteAllBytesAsync(file, [1]);
        var old = clock.GetUtcNow().AddHours(-49).UtcDateTime;
        File.SetLastWriteTimeUtc(oldTemp, old);
        File.SetLastWriteTimeUtc(unnamed, old);
        var keptFile = (await files.FindFileAsync("test-owned/kept"))!.Path;
        File.SetLastWriteTimeUtc(keptFile, old);

        var report = await app.WithScopeAsync(sp => sp.GetRequiredService<BlobSweeper>().SweepAsync(false, CancellationToken.None));

        Assert.Equal(2, report.Leftovers);
        Assert.False(File.Exists(oldTemp));
        Assert.False(File.Exists(unnamed));
        Assert.True(File.Exists(newTemp));
        Assert.True(File.Exists(keptFile));
    }

    [Fact]
    public async Task TheVerbReportsPerOwnerAndADryRunDeletesNothing()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = await AppAsync(TestDatabase.Sqlite, BlobStoreKind.Auto, clock);
        var store = app.Services.GetRequiredService<IBlobStore>();
        await PutAsync(store, "test-owned/verb-orphan", 2048);
        clock.Advance(TimeSpan.FromDays(3));
        var verb = app.Services.GetServices<ICliVerb>().Single(v => v.Name == "sweep-blobs");

        async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
        {
            var (output, errors) = (new StringWriter(), new StringWriter());
            var code = await verb.RunAsync(new CliContext(args, app.Services, output, errors), CancellationToken.None);
            return (code, output.ToString(), errors.ToString());
        }

        var dry = await RunAsync("--dry-run");
        Assert.Equal(0, dry.Code);
        Assert.Contains("test-owned/: 1 listed, 0 too young, 0 in use, 1 orphans found (2,048 bytes)", dry.Out);
        Assert.Contains("dry run: nothing deleted", dry.Out);
        Assert.NotNull(await store.GetInfoAsync("test-owned/verb-orphan"));
        var real = await RunAsync();
        Assert.Contains("1 orphans deleted", real.Out);
        Assert.Null(await store.GetInfoAsync("test-owned/verb-orphan"));
        var wrong = await RunAsync("--force");
        Assert.Equal((2, true), (wrong.Code, wrong.Error.Contains("unknown argument '--force'")));
    }

    [Fact]
    public async Task TheNightlyJobSweepsAtThreeInTheMorningVietnamTime()
    {
        Assert.Equal(TimeSpan.FromHours(1), BlobSweepJob.UntilNextRun(new DateTimeOffset(2026, 12, 1, 19, 0, 0, TimeSpan.Zero))); // 02:00 in Vietnam
        Assert.Equal(TimeSpan.FromHours(23.5), BlobSweepJob.UntilNextRun(new DateTimeOffset(2026, 12, 1, 20, 30, 0, TimeSpan.Zero))); // 03:30
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
        using var app = await AppAsync(TestDatabase.Sqlite, BlobStoreKind.Auto, clock, job: true);
        var store = app.Services.GetRequiredService<IBlobStore>();
        await PutAsync(store, "test-owned/night-orphan");
        clock.Advance(TimeSpan.FromHours(50));

        // The job may take its lease (and compute its next 03:00) after the first advance: the clock keeps moving an hour
        // per step until a night has passed for it.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await store.GetInfoAsync("test-owned/night-orphan") is not null)
        {
            Assert.True(DateTime.UtcNow < deadline, "The nightly job did not sweep the orphan within 30 s.");
            await Task.Delay(100);
            clock.Advance(TimeSpan.FromHours(1));
        }
    }
}
