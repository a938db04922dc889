using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Http;
using Training.Certification.Data;
using Training.Certification.Templates;
using Training.Abstractions.Text;
using Training.Platform.Text;

namespace Training.Certification.Pages.Admin;

/// <summary>Create or edit a programme and its certificate template. Certificates already issued keep their snapshot: a
/// different look is saved as a new template version that only certificates issued from then on use.</summary>
[Authorize(Policy = Permissions.ManageProgrammes)]
[RequestFormLimits(MultipartBodyLengthLimit = 2 * 1024 * 1024)]
[RequestSizeLimit(2 * 1024 * 1024)]
public sealed class ProgrammeModel(CertificationDbContext db, ProgrammeTemplates templates) : PageModel
{
    [BindProperty] public Programme Input { get; set; } = new()
    {
        MinScore = 70, ValidityMonths = 24, RecertificationWindowDays = 60, SignerTitle = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
        Wording = "Đã hoàn thành chương trình bồi dưỡng", IsActive = true,
    };
    [BindProperty] public LookInput Look { get; set; } = new();
    [BindProperty] public IFormFile? Logo { get; set; }
    public string? Error { get; private set; }
    public List<string> LookErrors { get; private set; } = [];
    public CertificateTemplate? Template { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is null) return Page();
        var programme = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (programme is null) return NotFound();
        Input = programme;
        Template = await templates.CurrentAsync(programme, ct);
        Look = LookInput.From(Template);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        var i = Input;
        foreach (var p in typeof(Programme).GetProperties().Where(p => p.PropertyType == typeof(string) && p.CanWrite))
        {
            var value = (string?)p.GetValue(i);
            p.SetValue(i, p.Name == nameof(Programme.SignerTitle)
                ? string.Join('\n', (value ?? "").Split('\n').Select(VietnameseText.Clean).Where(l => l.Length > 0))
                : VietnameseText.Clean(value));
        }
        i.CourseCodes = string.Join(';', i.CourseCodes.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Error = FieldLimits.Check(("Mã chương trình", i.Code, TextLimits.Code), ("Tên chương trình", i.Name, TextLimits.Name),
            ("Mã các khóa học yêu cầu", i.CourseCodes, TextLimits.Line), ("Cơ quan chủ quản", i.IssuingBody, TextLimits.Name),
            ("Đơn vị cấp", i.IssuingUnitName, TextLimits.Name), ("Ký hiệu số hiệu", i.IssuerCode, TextLimits.Code),
            ("Địa danh", i.Place, FieldLimits.Place), ("Thẩm quyền ký", i.SignerTitle, FieldLimits.SignerTitle),
            ("Họ tên người ký", i.SignerName, TextLimits.Name), ("Lời văn chứng nhận", i.Wording, TextLimits.Line));
        if (Error is not null) return Page();
        if (i.Code.Length == 0 || i.Name.Length == 0 || i.CourseCodes.Length == 0 || i.IssuerCode.Length == 0 || i.IssuingUnitName.Length == 0
            || i.Place.Length == 0 || i.SignerName.Length == 0)
        {
            Error = "Cần nhập mã, tên, khóa học, đơn vị cấp, ký hiệu số hiệu, địa danh và người ký.";
            return Page();
        }
        if (await db.Programmes.AnyAsync(p => p.Code == i.Code && p.Id != (id ?? Guid.Empty), ct))
        {
            Error = "Mã chương trình đã tồn tại.";
            return Page();
        }
        LookErrors = Look.Validate();
        byte[]? logo = null;
        if (Logo is { Length: > 0 })
        {
            using var buffer = new MemoryStream();
            await Logo.CopyToAsync(buffer, ct);
            (logo, var logoError) = LogoImage.Normalize(buffer.ToArray());
            if (logoError is not null) LookErrors.Add(logoError);
        }
        if (LookErrors.Count > 0)
        {
            Error = "Mẫu giấy chứng nhận chưa hợp lệ.";
            if (id is not null) Template = await db.Templates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == i.TemplateId, ct);
            return Page();
        }
        if (id is { } existingId)
        {
            var programme = await db.Programmes.FirstOrDefaultAsync(p => p.Id == existingId, ct);
            if (programme is null) return NotFound();
            i.Id = existingId;
            i.TemplateId = programme.TemplateId;
            await AddTemplateVersionAsync(i, logo, ct);
            db.Entry(programme).CurrentValues.SetValues(i);
        }
        else
        {
            i.Id = Guid.NewGuid();
            i.TemplateId = null;
            await AddTemplateVersionAsync(i, logo, ct);
            db.Programmes.Add(i);
        }
        await db.SaveChangesAsync(ct);
        return Redirect("/admin/programmes/edit/" + i.Id + "?saved=1");
    }

    private async Task AddTemplateVersionAsync(Programme programme, byte[]? logo, CancellationToken ct)
    {
        var version = await templates.NextVersionAsync(programme, Look, logo, User.Identity?.Name ?? "admin", ct);
        if (version is null) return;
        db.Templates.Add(version);
        programme.TemplateId = version.Id;
    }
}
