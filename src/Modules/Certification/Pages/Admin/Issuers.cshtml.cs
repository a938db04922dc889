using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Certification.Data;
using Training.Certification.Marks;
using Training.Platform.Signing;

namespace Training.Certification.Pages.Admin;

/// <summary>Per issuing unit: the red seal and the signer's signature drawn on its certificates, and the signing
/// certificate its documents are signed with. An upload applies to certificates issued from then on.</summary>
[Authorize(Policy = Permissions.ManageProgrammes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUpload)]
[RequestSizeLimit(MaxUpload)]
public sealed class IssuersModel(IssuerMarks marks, DocumentSigners signers) : PageModel
{
    private const int MaxUpload = 3 * 1024 * 1024;

    public sealed record Row(IssuerMarks.UnitMarks Marks, string? Signer, string? SignerIssuer, bool Demo);

    public List<Row> Rows { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Done { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostUploadAsync(string unit, MarkKind kind, IFormFile? file, CancellationToken ct)
    {
        if (!Enum.IsDefined(kind)) return BadRequest();
        if (file is null || file.Length == 0) Error = kind == MarkKind.Seal ? "Ảnh con dấu: chọn một tệp PNG." : "Ảnh chữ ký: chọn một tệp PNG.";
        else
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            Error = await marks.UploadAsync(unit, kind, buffer.ToArray(), User.Identity?.Name ?? User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "admin", ct);
        }
        if (Error is null) Done = kind == MarkKind.Seal ? "Đã lưu ảnh con dấu: áp dụng cho giấy chứng nhận cấp từ nay." : "Đã lưu ảnh chữ ký: áp dụng cho giấy chứng nhận cấp từ nay.";
        else Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string unit, MarkKind kind, CancellationToken ct)
    {
        if (!Enum.IsDefined(kind)) return BadRequest();
        await marks.RemoveAsync(unit, kind, ct);
        Done = "Đã gỡ ảnh: giấy chứng nhận cấp từ nay không có ảnh này.";
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Rows = (await marks.ListAsync(ct)).Select(m =>
        {
            var signer = signers.For(m.Unit);
            var leaf = signer?.Chain[0];
            var demo = leaf is not null && signers.DemoRoot is { } root && leaf.IssuerName.RawData.AsSpan().SequenceEqual(root.SubjectName.RawData);
            return new Row(m, leaf?.Subject, leaf?.Issuer, demo);
        }).ToList();
    }
}
