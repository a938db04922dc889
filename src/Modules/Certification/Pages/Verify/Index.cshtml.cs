using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Training.Certification.Api;
using Training.Certification.Issuance;
using Training.Certification.Verification;

namespace Training.Certification.Pages.Verify;

/// <summary>Public verification: a form to type a code, and the result for a code (from the QR link).</summary>
// Public: anyone verifies a certificate from its QR code.
[AllowAnonymous]
[EnableRateLimiting(CertificateApi.VerifyPolicy)]
[OutputCache(PolicyName = VerificationPageCachePolicy.Name)]
public sealed class IndexModel(VerificationService verification) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    public VerificationService.Outcome? Outcome { get; private set; }
    public VerificationView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Code)) return Page();
        var canonical = VerificationCode.Normalize(Code);
        var typed = RouteData.Values["code"] is null;
        if (typed && canonical is not null) return Redirect("/verify/" + VerificationCode.Format(canonical));
        (Outcome, View, _) = await verification.FindAsync(Code, ct);
        if (Outcome == VerificationService.Outcome.Malformed) Response.StatusCode = StatusCodes.Status400BadRequest;
        if (Outcome == VerificationService.Outcome.Unknown) Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
