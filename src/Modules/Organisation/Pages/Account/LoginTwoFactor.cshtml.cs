using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Training.Organisation.Data;
using Training.Organisation.Identity;

namespace Training.Organisation.Pages.Account;

/// <summary>The second step of a password sign-in for an account with two-factor sign-in: a code from the
/// authenticator app, or one of the recovery codes (each works once). Wrong codes count towards Identity's lock-out.</summary>
[AllowAnonymous]
[EnableRateLimiting(LoginRateLimit.Policy)]
public sealed class LoginTwoFactorModel(SignInManager<TrainingUser> signIn) : PageModel
{
    public const string WrongCode = "Mã xác thực không đúng hoặc đã hết hạn.";

    [BindProperty, StringLength(16, ErrorMessage = "Mã xác thực quá dài."), Display(Name = "Mã từ ứng dụng xác thực")]
    public string? Code { get; set; }

    [BindProperty, StringLength(32, ErrorMessage = "Mã khôi phục quá dài."), Display(Name = "Hoặc một mã khôi phục")]
    public string? RecoveryCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public const string Expired = "Phiên đăng nhập đã hết hạn. Vui lòng nhập lại tên đăng nhập và mật khẩu.";

    /// <summary>No password step behind this browser (or it expired): the page says so instead of asking a code.</summary>
    public bool NoPendingSignIn { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        NoPendingSignIn = await signIn.GetTwoFactorAuthenticationUserAsync() is null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            NoPendingSignIn = true;
            return Page();
        }
        var code = (Code ?? "").Replace(" ", "").Replace("-", "");
        var recovery = (RecoveryCode ?? "").Replace(" ", "");
        if (code.Length == 0 && recovery.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "Nhập mã xác thực hoặc một mã khôi phục.");
            return Page();
        }
        var result = code.Length > 0
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(recovery);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/home");
        ModelState.AddModelError("", result.IsLockedOut ? LoginModel.AccountDisabled : WrongCode);
        return Page();
    }
}
