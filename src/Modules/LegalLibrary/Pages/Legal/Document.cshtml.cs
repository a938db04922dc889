using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.LegalLibrary.Data;

namespace Training.LegalLibrary.Pages.Legal;

// Public: everyone reads the legal library.
[AllowAnonymous]
public sealed class DocumentModel(LegalLibraryReader reader, TimeProvider clock) : PageModel
{
    public LegalDocument Doc { get; private set; } = null!;
    public ValidityStatus Status { get; private set; }
    public LegalDocument? Replacement { get; private set; }

    public async Task<IActionResult> OnGetAsync(string doc, CancellationToken ct)
    {
        var found = await reader.DocumentAsync(doc, ct);
        if (found is null) return NotFound();
        Doc = found;
        Status = found.StatusOn(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (found.ReplacedBy is not null) Replacement = await reader.DocumentByNumberAsync(found.ReplacedBy, ct);
        return Page();
    }
}
