using Training.Platform.Time;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Training.Certification.Data;
using Training.Certification.Issuance;
using Training.Platform.Signing;
using Training.Platform.Text;

namespace Training.Certification.Pdf;

/// <summary>Generates a certificate's PDF once: renders it with the template and images recorded at issuance, signs it
/// (PAdES) with the issuing unit's certificate, stores the file atomically, then records its name and SHA-256.
/// Once recorded, the file is never rewritten: a reissue is a new certificate with a new signed document.</summary>
public sealed class CertificatePdfService(
    CertificationDbContext db, CertificatePdfRenderer renderer, CertificateFiles files, PublicUrls urls, PadesSigner signer, CertificateAssets assets)
{
    public async Task<Certificate> EnsurePdfAsync(Certificate certificate, CancellationToken ct)
    {
        if (certificate.PdfSha256 is not null) return certificate;
        var programme = await db.Programmes.AsNoTracking().FirstAsync(p => p.Id == certificate.ProgrammeId, ct);
        var inputs = await LoadAsync([certificate], new Dictionary<Guid, Programme> { [programme.Id] = programme }, ct);
        var stored = await StoreAsync(certificate, programme, inputs, ct);
        if (!await RecordAsync(certificate.Id, stored, ct))
        {
            // Someone else recorded it first; theirs is the snapshot.
            var recorded = await db.Certificates.AsNoTracking().FirstAsync(c => c.Id == certificate.Id, ct);
            await files.DiscardAsync(stored.File, recorded.PdfFile!, ct);
            return recorded;
        }
        certificate.PdfFile = stored.File;
        certificate.PdfSha256 = stored.Sha256;
        certificate.PdfBytes = stored.Bytes;
        return certificate;
    }

    /// <summary>Templates, images and (for templates with a courses page) the courses of each certificate.</summary>
    public async Task<RenderInputs> LoadAsync(IReadOnlyCollection<Certificate> certificates, IReadOnlyDictionary<Guid, Programme> programmes, CancellationToken ct)
    {
        var templates = new Dictionary<Guid, CertificateTemplate>();
        foreach (var id in certificates.Select(c => c.TemplateId).OfType<Guid>().Distinct())
            if (await assets.TemplateAsync(db, id, ct) is { } t) templates[id] = t;
        var marks = new Dictionary<Guid, IssuerMark>();
        foreach (var id in certificates.SelectMany(c => new[] { c.SealId, c.SignatureId }).OfType<Guid>().Distinct())
            if (await assets.MarkAsync(db, id, ct) is { } m) marks[id] = m;
        var courses = new Dictionary<Guid, IReadOnlyList<CourseLine>>();
        var listed = certificates.Where(c => c.TemplateId is { } t && templates.TryGetValue(t, out var template) && template.CoursesPage).ToList();
        if (listed.Count > 0)
        {
            var users = listed.Select(c => c.UserId).Distinct().ToList();
            var results = await db.CourseResults.AsNoTracking().Where(r => users.Contains(r.UserId)).ToListAsync(ct);
            foreach (var c in listed) courses[c.Id] = CoursesOf(c, programmes[c.ProgrammeId], results);
        }
        return new RenderInputs(templates, marks, courses);
    }

    /// <summary>The latest completion of each of the programme's courses up to the day of issuance, in the programme's order.</summary>
    private static List<CourseLine> CoursesOf(Certificate c, Programme p, IEnumerable<CourseResult> results)
    {
        var until = VietnamClock.StartOf(c.IssuedOn.AddDays(1));
        var mine = results.Where(r => r.UserId == c.UserId && r.CompletedAt < until).ToList();
        return p.CourseCodeList
            .Select(code => mine.Where(r => string.Equals(r.CourseCode, code, StringComparison.OrdinalIgnoreCase)).MaxBy(r => r.CompletedAt))
            .OfType<CourseResult>()
            .Select(r => new CourseLine(r.CourseCode, r.CourseTitle, r.Hours, VietnamClock.DateOf(r.CompletedAt), r.ScorePercent))
            .ToList();
    }

    /// <summary>Renders, signs and writes the file; thread-safe (no database access).</summary>
    public async Task<(string File, string Sha256, int Bytes)> StoreAsync(Certificate certificate, Programme programme, RenderInputs inputs, CancellationToken ct)
    {
        var pdf = renderer.Render(Document(certificate, programme, inputs, urls.Verify(certificate.VerificationCode)));
        var signed = await signer.SignAsync(pdf, new SigningPurpose(certificate.IssuingUnitName,
            $"Cấp giấy chứng nhận số {certificate.SerialNumber}", VietnameseText.Clean(programme.Place)), ct);
        return await files.WriteAsync(certificate.Id, signed, ct);
    }

    /// <summary>Records the stored file unless a snapshot is already recorded; false when one was.</summary>
    public async Task<bool> RecordAsync(Guid id, (string File, string Sha256, int Bytes) stored, CancellationToken ct) =>
        await db.Certificates.Where(c => c.Id == id && c.PdfSha256 == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.PdfFile, stored.File).SetProperty(c => c.PdfSha256, stored.Sha256)
                .SetProperty(c => c.PdfBytes, stored.Bytes), ct) == 1;

    /// <summary>Removes a stored snapshot that another render recorded first.</summary>
    public async Task DiscardUnrecordedAsync(Guid id, string file, CancellationToken ct)
    {
        var recorded = await db.Certificates.AsNoTracking().Where(c => c.Id == id).Select(c => c.PdfFile).FirstOrDefaultAsync(ct);
        if (recorded is not null) await files.DiscardAsync(file, recorded, ct);
    }

    public static CertificateDocument Document(Certificate c, Programme p, RenderInputs inputs, string verifyUrl)
    {
        var template = c.TemplateId is { } t ? inputs.Templates.GetValueOrDefault(t) : null;
        return new CertificateDocument(
            VietnameseText.Clean(p.IssuingBody), c.IssuingUnitName, c.HolderName, c.HolderUnitName,
            VietnameseText.Clean(template?.Wording ?? p.Wording), c.ProgrammeName, c.Result,
            c.ExpiresOn is { } e ? $"Giấy chứng nhận có giá trị đến hết ngày {e.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}" : "Giấy chứng nhận không thời hạn",
            VietnameseText.PlaceAndDate(p.Place, c.IssuedOn), p.SignerTitle, VietnameseText.Clean(p.SignerName),
            c.SerialNumber, VerificationCode.Format(c.VerificationCode), verifyUrl, c.IssuedOn)
        {
            Look = template?.Look ?? CertificateLook.Default,
            SealPng = c.SealId is { } s ? inputs.Marks.GetValueOrDefault(s)?.Png : null,
            SignaturePng = c.SignatureId is { } g ? inputs.Marks.GetValueOrDefault(g)?.Png : null,
            Courses = inputs.Courses.GetValueOrDefault(c.Id) ?? [],
        };
    }
}
