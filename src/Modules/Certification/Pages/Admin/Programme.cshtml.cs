using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Certification.Data;
using Training.Abstractions.Text;
using Training.Platform.Text;

namespace Training.Certification.Pages.Admin;

/// <summary>Create or edit a programme. Certificates already issued keep their snapshot.</summary>
[Authorize(Policy = Permissions.ManageProgrammes)]
public sealed class ProgrammeModel(CertificationDbContext db) : PageModel
{
    [BindProperty] public Programme Input { get; set; } = new()
    {
        MinScore = 70, ValidityMonths = 24, RecertificationWindowDays = 60, SignerTitle = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
        Wording = "Đã hoàn thành chương trình bồi dưỡng", IsActive = true,
    };
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is null) return Page();
        var programme = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (programme is null) return NotFound();
        Input = programme;
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
        if (id is { } existingId)
        {
            var programme = await db.Programmes.FirstOrDefaultAsync(p => p.Id == existingId, ct);
            if (programme is null) return NotFound();
            i.Id = existingId;
            i.SeenCourseIds = programme.SeenCourseIds;
            db.Entry(programme).CurrentValues.SetValues(i);
        }
        else
        {
            i.Id = Guid.NewGuid();
            db.Programmes.Add(i);
        }
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Admin/Programmes");
    }
}
