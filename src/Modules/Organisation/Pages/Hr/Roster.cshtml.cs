using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Abstractions.Organisation;
using Training.Organisation.Roster;

namespace Training.Organisation.Pages.Hr;

[Authorize(Policy = Permissions.ImportRoster)]
[RequestSizeLimit(20 * 1024 * 1024)]
public sealed class RosterModel(RosterImporter importer, IUserScope scopes) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Chọn tệp CSV cần nhập.")]
    public IFormFile? Upload { get; set; }

    public RosterImportResult? Result { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid || Upload is null) return Page();
        var scope = await scopes.GetScopeAsync(User, ct);
        await using var stream = Upload.OpenReadStream();
        Result = await importer.ImportAsync(stream, scope, ct);
        if (!Result.Succeeded) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
