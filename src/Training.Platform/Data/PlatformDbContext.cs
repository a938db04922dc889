using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Training.Platform.Storage;

namespace Training.Platform.Data;

/// <summary>The platform's own tables (prefix <c>platform_</c>): what every node must share when several serve one
/// PostgreSQL database — data-protection keys and blobs.</summary>
public class PlatformDbContext : DbContext, IDataProtectionKeyContext
{
    public const string Module = "Platform";

    public PlatformDbContext(DbContextOptions<PlatformDbContext> options) : base(options) { }

    protected PlatformDbContext(DbContextOptions options) : base(options) { }

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<StoredBlob> Blobs => Set<StoredBlob>();
    public DbSet<StoredBlobChunk> BlobChunks => Set<StoredBlobChunk>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DataProtectionKey>(e => e.ToTable("platform_dataprotection_keys"));
        modelBuilder.Entity<StoredBlob>(e =>
        {
            e.ToTable("platform_blobs");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(Training.Abstractions.Storage.BlobKey.MaxLength);
            e.Property(x => x.ContentType).HasMaxLength(200);
            e.Property(x => x.Sha256).HasMaxLength(64);
        });
        modelBuilder.Entity<StoredBlobChunk>(e =>
        {
            e.ToTable("platform_blob_chunks");
            e.HasKey(x => new { x.VersionId, x.Index });
        });
    }
}

public sealed class PlatformSqliteDbContext(DbContextOptions<PlatformSqliteDbContext> options) : PlatformDbContext(options);

public sealed class PlatformPostgresDbContext(DbContextOptions<PlatformPostgresDbContext> options) : PlatformDbContext(options);
