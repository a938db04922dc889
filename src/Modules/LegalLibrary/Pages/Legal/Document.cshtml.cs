using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.LegalLibrary.Data;
using Training.Platform.Time;

namespace Training.LegalLibrary.Pages.Legal;

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
        Status = found.StatusOn(clock.Today());
        if (found.ReplacedBy is not null) Replacement = await reader.DocumentByNumberAsync(found.ReplacedBy, ct);
        return Page();
    }
}
