using Microsoft.EntityFrameworkCore;
using Training.Certification.Data;
using Training.Certification.Pdf;
using Training.Platform.Text;

namespace Training.Certification.Marks;

/// <summary>The seals and signatures of the issuing units: upload (validated, normalised), retire, list.</summary>
public sealed class IssuerMarks(CertificationDbContext db, TimeProvider clock)
{
    public sealed record UnitMarks(string Unit, Guid? SealId, Guid? SignatureId);

    /// <summary>Every unit that issues certificates (named by a programme), with its marks in force.</summary>
    public async Task<IReadOnlyList<UnitMarks>> ListAsync(CancellationToken ct)
    {
        var units = await IssuingUnitsAsync(ct);
        var current = await CertificateAssets.CurrentMarksAsync(db, units, ct);
        return units.Select(u => new UnitMarks(u, current.TryGetValue((u, MarkKind.Seal), out var s) ? s : null,
            current.TryGetValue((u, MarkKind.Signature), out var g) ? g : null)).ToList();
    }

    public async Task<List<string>> IssuingUnitsAsync(CancellationToken ct) =>
        (await db.Programmes.AsNoTracking().Select(p => p.IssuingUnitName).Distinct().ToListAsync(ct))
            .Select(VietnameseText.Clean).Where(u => u.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Stores a new seal or signature for the unit and retires the previous one; returns the Vietnamese error, if any.</summary>
    public async Task<string?> UploadAsync(string unit, MarkKind kind, byte[] upload, string actor, CancellationToken ct)
    {
        unit = VietnameseText.Clean(unit);
        if (!(await IssuingUnitsAsync(ct)).Contains(unit)) return "Không có chương trình nào do đơn vị này cấp.";
        var (png, error) = InkImage.Normalize(upload, kind == MarkKind.Seal ? InkRules.Seal : InkRules.Signature);
        if (png is null) return (kind == MarkKind.Seal ? "Ảnh con dấu: " : "Ảnh chữ ký: ") + error;
        using var bitmap = SkiaSharp.SKBitmap.Decode(png);
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Marks.Where(m => m.IssuingUnit == unit && m.Kind == kind && m.RetiredAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.RetiredAt, now), ct);
        db.Marks.Add(new IssuerMark
        {
            Id = Guid.NewGuid(), IssuingUnit = unit, Kind = kind, Png = png, Width = bitmap.Width, Height = bitmap.Height,
            UploadedAt = now, UploadedBy = actor,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }

    /// <summary>Retires the unit's seal or signature: certificates issued from now on show the block without it.</summary>
    public async Task RemoveAsync(string unit, MarkKind kind, CancellationToken ct)
    {
        unit = VietnameseText.Clean(unit);
        var now = clock.GetUtcNow();
        await db.Marks.Where(m => m.IssuingUnit == unit && m.Kind == kind && m.RetiredAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.RetiredAt, now), ct);
    }
}
