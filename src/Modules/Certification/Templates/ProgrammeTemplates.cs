using Training.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Training.Certification.Data;
using Training.Certification.Issuance;
using Training.Certification.Pdf;
using Training.Platform.Text;

namespace Training.Certification.Templates;

/// <summary>Template versions of programmes, and the sample certificate of the preview.</summary>
public sealed class ProgrammeTemplates(CertificationDbContext db, CertificateAssets assets, TimeProvider clock, PublicUrls urls)
{
    public Task<CertificateTemplate?> CurrentAsync(Programme programme, CancellationToken ct) => assets.TemplateAsync(db, programme.TemplateId, ct);

    /// <summary>A new version for the programme when <paramref name="input"/> (with the programme's wording and the logo)
    /// would print differently from the current version, or when there is none; null when nothing changes. Not saved:
    /// the caller adds it in the same unit of work as the programme.</summary>
    public async Task<CertificateTemplate?> NextVersionAsync(Programme programme, LookInput input, byte[]? logo, string actor, CancellationToken ct)
    {
        var current = await CurrentAsync(programme, ct);
        var candidate = new CertificateTemplate
        {
            Id = Guid.NewGuid(), ProgrammeId = programme.Id, Orientation = input.Orientation, Title = input.Title, Border = input.Border,
            Wording = VietnameseText.Clean(programme.Wording), PrimaryColour = input.PrimaryColour.ToUpperInvariant(),
            AccentColour = input.AccentColour.ToUpperInvariant(), CoursesPage = input.CoursesPage,
            LogoPng = input.RemoveLogo ? null : logo ?? current?.LogoPng, CreatedAt = clock.GetUtcNow(), CreatedBy = actor,
        };
        if (current is not null && current.SameLook(candidate)) return null;
        var last = await db.Templates.Where(t => t.ProgrammeId == programme.Id).MaxAsync(t => (int?)t.Version, ct) ?? 0;
        candidate.Version = last + 1;
        return candidate;
    }

    /// <summary>What a certificate of the programme issued today would print, for a sample holder.</summary>
    public async Task<CertificateDocument> PreviewAsync(Programme p, CancellationToken ct)
    {
        var template = await CurrentAsync(p, ct);
        var unit = VietnameseText.Clean(p.IssuingUnitName);
        var marks = await CertificateAssets.CurrentMarksAsync(db, [unit], ct);
        var today = clock.Today();
        var sample = new Certificate
        {
            Id = Guid.Empty, ProgrammeId = p.Id, HolderName = "Nguyễn Văn Mẫu", HolderUnitName = "Đơn vị của người được cấp",
            ProgrammeName = VietnameseText.Clean(p.Name), IssuingUnitName = unit, Result = "Kết quả: Đạt (điểm trung bình 90/100)",
            IssuedOn = today, ExpiresOn = p.ValidityMonths is { } m ? today.AddMonths(m).AddDays(-1) : null,
            SerialNumber = SerialNumber.Format(p.IssuerCode, today.Year, 0), VerificationCode = "0000000000000000", TemplateId = p.TemplateId,
            SealId = marks.TryGetValue((unit, MarkKind.Seal), out var seal) ? seal : null,
            SignatureId = marks.TryGetValue((unit, MarkKind.Signature), out var signature) ? signature : null,
        };
        var templates = template is null ? new Dictionary<Guid, CertificateTemplate>() : new() { [template.Id] = template };
        var images = new Dictionary<Guid, IssuerMark>();
        foreach (var id in new[] { sample.SealId, sample.SignatureId }.OfType<Guid>())
            if (await assets.MarkAsync(db, id, ct) is { } mark) images[id] = mark;
        var courses = p.CourseCodeList.Select(code => new CourseLine(code, "Khóa học " + code, null, today, 90m)).ToList();
        var inputs = new RenderInputs(templates, images, new Dictionary<Guid, IReadOnlyList<CourseLine>> { [sample.Id] = courses });
        return CertificatePdfService.Document(sample, p, inputs, urls.Verify(sample.VerificationCode));
    }
}
