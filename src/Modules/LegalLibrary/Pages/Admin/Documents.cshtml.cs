using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.LegalLibrary.Data;

namespace Training.LegalLibrary.Pages.Admin;

/// <summary>Documents recorded by their metadata, waiting for their text, and the form to record one.</summary>
[Authorize(Policy = Permissions.ImportCorpus)]
public sealed class DocumentsModel(LegalLibraryDbContext db, DocumentMetadata metadata) : PageModel
{
    public const int PageSize = 50;

    [BindProperty] public MetadataInput Input { get; set; } = new();
    public List<LegalDocument> Recorded { get; private set; } = [];
    public List<string> Errors { get; private set; } = [];
    [TempData] public string? Message { get; set; }
    public int PageNumber { get; private set; } = 1;
    public bool HasNext { get; private set; }

    public async Task OnGetAsync(int p = 1, CancellationToken ct = default) => await LoadAsync(p, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (document, errors) = await metadata.RecordAsync(Input, ct);
        if (document is not null)
        {
            Message = $"Đã ghi nhận văn bản {document.Number}.";
            return RedirectToPage();
        }
        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(1, ct);
        return Page();
    }

    private async Task LoadAsync(int page, CancellationToken ct)
    {
        PageNumber = Math.Max(1, page);
        var rows = await db.Documents.AsNoTracking().Where(d => d.Format == DocumentMetadata.Format || d.Replaces != null)
            .OrderByDescending(d => d.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        HasNext = rows.Count > PageSize;
        Recorded = rows.Take(PageSize).ToList();
    }
}
