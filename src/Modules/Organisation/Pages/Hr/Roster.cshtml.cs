using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Training.Abstractions.Organisation;
using Training.Organisation.Roster;

namespace Training.Organisation.Pages.Hr;

/// <summary>Roster import in two steps when the file would create units: the upload plans and lists the new units
/// (nothing written), the confirmation applies exactly that plan. A file that creates no unit is applied at once.</summary>
[Authorize(Policy = Permissions.ImportRoster)]
// The hard ceiling of the request; the configured (smaller) file limit is checked below with a clear message.
[RequestSizeLimit(256 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 256 * 1024 * 1024)]
public sealed class RosterModel(RosterImporter importer, IUserScope scopes, RosterDrafts drafts, IOptions<RosterOptions> options) : PageModel
{
    /// <summary>Errors listed on the page; the count says how many more there are.</summary>
    public const int ErrorsShown = 500;

    [BindProperty, Required(ErrorMessage = "Chọn tệp CSV cần nhập.")]
    public IFormFile? Upload { get; set; }

    public RosterImportResult? Result { get; private set; }

    /// <summary>The uploaded file waiting for confirmation.</summary>
    public string? DraftId { get; private set; }

    public string MaxSize => RosterParser.FormatSize(options.Value.MaxFileBytes);

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid || Upload is null) return Page();
        if (Upload.Length > options.Value.MaxFileBytes)
        {
            ModelState.AddModelError(nameof(Upload), $"Tệp lớn {RosterParser.FormatSize(Upload.Length)}, vượt giới hạn {MaxSize}. Hãy chia tệp thành nhiều phần nhỏ hơn.");
            Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Page();
        }
        // The importer streams the upload; the bytes are read into memory only to keep a draft awaiting confirmation.
        await using (var file = Upload.OpenReadStream()) Result = await ImportAsync(file, new RosterImportOptions(), ct);
        if (Result.NeedsConfirmation)
        {
            using var buffer = new MemoryStream();
            await Upload.CopyToAsync(buffer, ct);
            DraftId = await drafts.SaveAsync(UserId, buffer.ToArray(), ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string draft, string units, CancellationToken ct)
    {
        var content = await drafts.LoadAsync(UserId, draft ?? "", ct);
        if (content is null)
        {
            ModelState.AddModelError(nameof(Upload), "Tệp chờ xác nhận không còn (đã nhập, đã huỷ hoặc quá một ngày). Hãy chọn lại tệp.");
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }
        Result = await ImportAsync(new MemoryStream(content), new RosterImportOptions(CreateUnits: true, ConfirmedUnits: units), ct);
        if (Result.NeedsConfirmation) DraftId = draft; // the set of new units changed meanwhile: confirm the new set
        else await drafts.DeleteAsync(UserId, draft!, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(string draft, CancellationToken ct)
    {
        await drafts.DeleteAsync(UserId, draft ?? "", ct);
        return RedirectToPage();
    }

    private async Task<RosterImportResult> ImportAsync(Stream content, RosterImportOptions how, CancellationToken ct)
    {
        var authority = RosterAuthority.For(User, await scopes.GetScopeAsync(User, ct));
        var result = await importer.ImportAsync(content, authority, how, ct);
        if (!result.Succeeded && !result.NeedsConfirmation) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return result;
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
}
