using Microsoft.EntityFrameworkCore;
using Training.Platform.Outbox;

namespace Training.LegalLibrary.Data;

/// <summary>The library's tables and its outbox (<see cref="Training.Abstractions.Events.LegalLibraryChanged"/>).</summary>
public class LegalLibraryDbContext : DbContext, IHasOutbox
{
    public LegalLibraryDbContext(DbContextOptions<LegalLibraryDbContext> options) : base(options) { }

    protected LegalLibraryDbContext(DbContextOptions options) : base(options) { }

    public DbSet<LegalDocument> Documents => Set<LegalDocument>();
    public DbSet<LegalArticle> Articles => Set<LegalArticle>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<LegalCorpusState> CorpusState => Set<LegalCorpusState>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.MapOutbox("legal_outbox");
        builder.Entity<LegalCorpusState>(e =>
        {
            e.ToTable("legal_corpus_state");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.CorpusSha256).HasMaxLength(64);
        });
        builder.Entity<LegalDocument>(e =>
        {
            e.ToTable("legal_documents");
            e.HasKey(x => x.Id);
            e.Property(x => x.Slug).HasMaxLength(200);
            e.Property(x => x.Number).HasMaxLength(100);
            e.Property(x => x.Type).HasMaxLength(100);
            e.Property(x => x.Title).HasMaxLength(1000);
            e.Property(x => x.Issuer).HasMaxLength(300);
            e.Property(x => x.ReplacedBy).HasMaxLength(100);
            e.Property(x => x.Replaces).HasMaxLength(100);
            e.Property(x => x.Format).HasMaxLength(20);
            e.Property(x => x.AlqacLawId).HasMaxLength(200);
            e.Property(x => x.SourceFile).HasMaxLength(300);
            e.HasIndex(x => x.Slug).IsUnique();
            e.HasIndex(x => x.Number);
            e.HasMany(x => x.Articles).WithOne(x => x.Document!).HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<LegalArticle>(e =>
        {
            e.ToTable("legal_articles");
            e.HasKey(x => x.Id);
            e.Property(x => x.Key).HasMaxLength(100);
            e.Property(x => x.Number).HasMaxLength(50);
            e.Property(x => x.Title).HasMaxLength(1000);
            e.Property(x => x.Path).HasMaxLength(1000);
            e.Property(x => x.SourceNote).HasMaxLength(2000);
            e.Property(x => x.SourceNumber).HasMaxLength(100);
            e.Property(x => x.SourceArticle).HasMaxLength(50);
            e.Property(x => x.SourceTitle).HasMaxLength(500);
            e.Property(x => x.AlqacArticleId).HasMaxLength(50);
            e.Property(x => x.ContentHash).HasMaxLength(64);
            e.HasIndex(x => new { x.DocumentId, x.Key }).IsUnique();
            e.HasIndex(x => new { x.SourceNumber, x.SourceArticle });
        });
    }
}

public sealed class LegalLibrarySqliteDbContext(DbContextOptions<LegalLibrarySqliteDbContext> options) : LegalLibraryDbContext(options);

public sealed class LegalLibraryPostgresDbContext(DbContextOptions<LegalLibraryPostgresDbContext> options) : LegalLibraryDbContext(options);
