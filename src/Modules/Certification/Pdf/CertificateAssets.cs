using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Training.Certification.Data;

namespace Training.Certification.Pdf;

/// <summary>Template versions and seal/signature images by id. Both are immutable rows, so they are cached without
/// invalidation (for an hour after last use, so old versions leave memory).</summary>
public sealed class CertificateAssets(IMemoryCache cache)
{
    private static readonly TimeSpan Keep = TimeSpan.FromHours(1);

    public async Task<CertificateTemplate?> TemplateAsync(CertificationDbContext db, Guid? id, CancellationToken ct)
    {
        if (id is not { } key) return null;
        if (cache.TryGetValue(("cert-template", key), out CertificateTemplate? cached)) return cached;
        var template = await db.Templates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == key, ct);
        if (template is not null) cache.Set(("cert-template", key), template, new MemoryCacheEntryOptions { SlidingExpiration = Keep });
        return template;
    }

    public async Task<IssuerMark?> MarkAsync(CertificationDbContext db, Guid? id, CancellationToken ct)
    {
        if (id is not { } key) return null;
        if (cache.TryGetValue(("cert-mark", key), out IssuerMark? cached)) return cached;
        var mark = await db.Marks.AsNoTracking().FirstOrDefaultAsync(m => m.Id == key, ct);
        if (mark is not null) cache.Set(("cert-mark", key), mark, new MemoryCacheEntryOptions { SlidingExpiration = Keep });
        return mark;
    }

    /// <summary>The seal and signature in force for each issuing unit (ids only).</summary>
    public static async Task<Dictionary<(string Unit, MarkKind Kind), Guid>> CurrentMarksAsync(CertificationDbContext db,
        IReadOnlyCollection<string> units, CancellationToken ct)
    {
        var rows = await db.Marks.AsNoTracking().Where(m => m.RetiredAt == null && units.Contains(m.IssuingUnit))
            .Select(m => new { m.Id, m.IssuingUnit, m.Kind, m.UploadedAt }).ToListAsync(ct);
        return rows.GroupBy(m => (m.IssuingUnit, m.Kind)).ToDictionary(g => g.Key, g => g.OrderByDescending(m => m.UploadedAt).First().Id);
    }
}
