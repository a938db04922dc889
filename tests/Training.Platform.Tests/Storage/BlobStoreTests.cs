using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Storage;
using Training.Platform.Data;
using Training.Platform.Storage;
using Training.Testing;

namespace Training.Platform.Tests.Storage;

/// <summary>The blob store of the running site, per provider and store kind.</summary>
[Collection("S3")]
public sealed class BlobStoreTests(MotoS3 moto)
{
    public static TheoryData<TestDatabase, BlobStoreKind> Stores() => new()
    {
        { TestDatabase.Sqlite, BlobStoreKind.Auto },      // the data folder
        { TestDatabase.Sqlite, BlobStoreKind.Database },
        { TestDatabase.Postgres, BlobStoreKind.Auto },    // the database
        { TestDatabase.Postgres, BlobStoreKind.S3 },      // an S3-compatible server
    };

    private async Task<TrainingApp> AppAsync(TestDatabase database, BlobStoreKind kind) =>
        new(database: database, settings: kind == BlobStoreKind.S3
            ? await moto.NewBucketSettingsAsync()
            : new Dictionary<string, string?> { ["Storage:Provider"] = kind.ToString() });

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task AStoredBlobReadsBackWithItsSizeTypeAndSha256(TestDatabase database, BlobStoreKind kind)
    {
        using var app = await AppAsync(database, kind);
        var store = app.Services.GetRequiredService<IBlobStore>();
        var bytes = RandomNumberGenerator.GetBytes(600_000); // three chunks in the database store

        var stored = await store.PutAsync("certificates/2026/kpl-01.pdf", new MemoryStream(bytes), "application/pdf");

        Assert.Equal((600_000L, "application/pdf", Convert.ToHexStringLower(SHA256.HashData(bytes))), (stored.Length, stored.ContentType, stored.Sha256));
        Assert.Equal(stored, await store.GetInfoAsync("certificates/2026/kpl-01.pdf"));
        await using var content = await store.OpenReadAsync("certificates/2026/kpl-01.pdf");
        Assert.NotNull(content);
        Assert.True(content.Stream.CanSeek);
        Assert.Equal(600_000, content.Stream.Length);
        var copy = new MemoryStream();
        await content.Stream.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task ARangeIsReadFromAnyPositionOfTheStream(TestDatabase database, BlobStoreKind kind)
    {
        using var app = await AppAsync(database, kind);
        var store = app.Services.GetRequiredService<IBlobStore>();
        var bytes = RandomNumberGenerator.GetBytes(700_000);
        await store.PutAsync("media/lesson.mp4", new MemoryStream(bytes), "video/mp4");

        await using var content = (await store.OpenReadAsync("media/lesson.mp4"))!;
        var slice = new byte[100_000];
        content.Stream.Seek(262_000, SeekOrigin.Begin); // crosses the first chunk boundary (262,144)
        await content.Stream.ReadExactlyAsync(slice);
        Assert.Equal(bytes.AsSpan(262_000, 100_000).ToArray(), slice);
        content.Stream.Seek(-10, SeekOrigin.End);
        var tail = new byte[20];
        Assert.Equal(10, await content.Stream.ReadAtLeastAsync(tail, 20, throwOnEndOfStream: false));
        Assert.Equal(bytes.AsSpan(699_990).ToArray(), tail[..10]);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task APutReplacesTheContentAndADeleteLeavesNothing(TestDatabase database, BlobStoreKind kind)
    {
        using var app = await AppAsync(database, kind);
        var store = app.Services.GetRequiredService<IBlobStore>();
        async Task<int> LeftoversAsync() => kind switch
        {
            BlobStoreKind.S3 => (await moto.Client().ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request
                { BucketName = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<S3Options>>().Value.Bucket })).S3Objects?.Count ?? 0,
            _ when kind == BlobStoreKind.Database || database == TestDatabase.Postgres =>
                await app.WithScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().BlobChunks.CountAsync()),
            _ => Directory.Exists(Path.Combine(app.DataPath, "blobs", "data"))
                ? Directory.EnumerateFiles(Path.Combine(app.DataPath, "blobs", "data"), "*", SearchOption.AllDirectories).Count() : 0,
        };
        var before = await LeftoversAsync();
        await store.PutAsync("reports/2026.xlsx", new MemoryStream(RandomNumberGenerator.GetBytes(300_000)), "application/octet-stream");
        var second = await store.PutAsync("reports/2026.xlsx", new MemoryStream("mới"u8.ToArray()), "text/plain; charset=utf-8");
        await store.PutAsync("reports/empty.txt", Stream.Null, "text/plain");

        await using (var content = (await store.OpenReadAsync("reports/2026.xlsx"))!)
        {
            Assert.Equal(second, content.Info);
            Assert.Equal("mới", await new StreamReader(content.Stream).ReadToEndAsync());
        }
        Assert.Equal(0, (await store.GetInfoAsync("reports/empty.txt"))!.Length);
        Assert.True(await store.DeleteAsync("reports/2026.xlsx"));
        Assert.False(await store.DeleteAsync("reports/2026.xlsx"));
        Assert.Null(await store.GetInfoAsync("reports/2026.xlsx"));
        Assert.Null(await store.OpenReadAsync("reports/2026.xlsx"));
        Assert.Null(await store.GetInfoAsync("reports/never"));

        // The empty blob's single (empty) chunk, file or object; blobs the site wrote at start-up (the credential
        // signing key, in the shared store on PostgreSQL) were there before.
        Assert.Equal(before + 1, await LeftoversAsync());
    }

    [Theory]
    [InlineData("../etc/passwd")]
    [InlineData("/abs")]
    [InlineData("a//b")]
    [InlineData("Upper.pdf")]
    [InlineData("tên.pdf")]
    [InlineData("")]
    public async Task AKeyOutsideTheRuleIsRefusedByEveryStore(string key)
    {
        Assert.False(BlobKey.IsValid(key));
        using var app = await AppAsync(TestDatabase.Sqlite, BlobStoreKind.Auto);
        var store = app.Services.GetRequiredService<IBlobStore>();
        await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync(key, Stream.Null, "text/plain"));
        Assert.True(BlobKey.IsValid("certificates/2026/a-b_c.1.pdf"));
    }

    [Fact]
    public async Task TheDataFolderStoreNamesTheFileOfABlobAndOnlyItsCurrentOne()
    {
        using var app = await AppAsync(TestDatabase.Sqlite, BlobStoreKind.Auto);
        var store = app.Services.GetRequiredService<IBlobStore>();
        var files = Assert.IsAssignableFrom<IBlobFiles>(store);
        var first = RandomNumberGenerator.GetBytes(1000);
        var second = RandomNumberGenerator.GetBytes(2000);
        await store.PutAsync("media/clip.webm", new MemoryStream(first), "video/webm");
        var before = await files.FindFileAsync("media/clip.webm");

        var replaced = await store.PutAsync("media/clip.webm", new MemoryStream(second), "video/webm");
        var after = await files.FindFileAsync("media/clip.webm");

        Assert.NotNull(before);
        Assert.NotNull(after);
        Assert.Equal(replaced, after.Info);
        Assert.Equal(second, await File.ReadAllBytesAsync(after.Path));
        Assert.False(File.Exists(before.Path)); // the replaced content's file is gone
        Assert.Null(await files.FindFileAsync("media/none.webm"));
        // Stores without local files do not offer it.
        using var database = await AppAsync(TestDatabase.Sqlite, BlobStoreKind.Database);
        Assert.False(database.Services.GetRequiredService<IBlobStore>() is IBlobFiles);
    }
}
