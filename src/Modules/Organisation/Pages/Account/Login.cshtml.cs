using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Training.Abstractions.Text;
using Training.Organisation.Data;
using Training.Organisation.Identity;
using Training.Organisation.Sso;

namespace Training.Organisation.Pages.Account;

/// <summary>Sign-in. Wrong passwords slow down the client that typed them (<see cref="LoginThrottle"/>) and never lock
/// the account; the answers are the same whether or not the account exists.</summary>
[AllowAnonymous]
[EnableRateLimiting(LoginRateLimit.Policy)]
public sealed class LoginModel(
    SignInManager<TrainingUser> signIn, UserManager<TrainingUser> users, IPasswordHasher<TrainingUser> hasher,
    LoginThrottle throttle, LoginDevices devices, SecuritySettingsStore security, TwoFactorPolicy twoFactor,
    Microsoft.Extensions.Options.IOptions<OidcSettings> sso) : PageModel
{
    public const string WrongCredentials = "Tên đăng nhập hoặc mật khẩu không đúng.";
    public const string AccountDisabled = "Tài khoản đang bị khóa. Vui lòng liên hệ quản trị hệ thống.";

    // A hash of a random password, checked when the name matches nobody, so that both answers take as long.
    private static string? _decoyHash;

    [BindProperty, Required(ErrorMessage = "Nhập tên đăng nhập."), StringLength(TextLimits.Email, ErrorMessage = "Tên đăng nhập quá dài."), Display(Name = "Tên đăng nhập")]
    public string UserName { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Nhập mật khẩu."), StringLength(256, ErrorMessage = "Mật khẩu quá dài."), DataType(DataType.Password), Display(Name = "Mật khẩu")]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public OidcSettings Sso => sso.Value;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        if (User.Identity?.IsAuthenticated == true)
        {
            // Signing in on top of an open session would keep that session's key (the cookie handler renews it), so a
            // key planted in this browser by someone else would carry this sign-in. End it and start afresh.
            await signIn.SignOutAsync();
            ModelState.AddModelError("", "Phiên đăng nhập trước đã được đóng. Vui lòng đăng nhập lại.");
            return Page();
        }

        var name = UserName.Trim();
        var user = await users.FindByNameAsync(name) ?? await users.FindByEmailAsync(name);
        var account = user?.Id ?? "?" + (users.NormalizeName(name) ?? name);
        var client = HttpContext.Connection.RemoteIpAddress;
        var trusted = user is not null && devices.IsTrusted(HttpContext, user.Id);
        if (await throttle.RetryAfterAsync(account, client, trusted, ct) is { } wait)
        {
            ModelState.AddModelError("", $"Đăng nhập sai nhiều lần. Vui lòng thử lại sau {Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))} phút.");
            return Page();
        }

        var passwordOk = user is not null ? await users.CheckPasswordAsync(user, Password) : CheckDecoy();
        if (!passwordOk)
        {
            await throttle.RecordFailureAsync(account, client, trusted, ct);
            ModelState.AddModelError("", WrongCredentials);
            return Page();
        }
        // Only someone who knows the password learns that the account is disabled.
        if (!user!.IsActive || await users.IsLockedOutAsync(user))
        {
            ModelState.AddModelError("", AccountDisabled);
            return Page();
        }
        if (await security.LocalPasswordsOffAsync(ct) && !await twoFactor.IsAdministratorAsync(user))
        {
            ModelState.AddModelError("", sso.Value.Enabled
                ? $"Đăng nhập bằng mật khẩu đã được tắt. Vui lòng chọn “Đăng nhập bằng {sso.Value.DisplayName}”."
                : "Đăng nhập bằng mật khẩu đã được tắt. Vui lòng liên hệ quản trị hệ thống.");
            return Page();
        }
        await throttle.RecordSuccessAsync(account, client, ct);
        devices.Remember(HttpContext, user.Id);
        var back = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/home";
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            var result = await ((TrainingSignInManager)signIn).SignInAfterPasswordAsync(user);
            if (result.RequiresTwoFactor) return RedirectToPage("/Account/LoginTwoFactor", new { returnUrl = back });
            return LocalRedirect(back);
        }
        if (twoFactor.RequiredForPrivileged && await twoFactor.IsPrivilegedAsync(user))
        {
            // Signed in, but held on the enrolment page (TwoFactorGate) until an authenticator is set up.
            await signIn.SignInWithClaimsAsync(user, isPersistent: false,
                [new System.Security.Claims.Claim("amr", "pwd"), new System.Security.Claims.Claim(TwoFactorGate.EnrolClaim, "1")]);
            return LocalRedirect(TwoFactorGate.EnrolPath);
        }
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect(back);
    }

    private bool CheckDecoy()
    {
        _decoyHash ??= hasher.HashPassword(new TrainingUser(), TemporaryPassword.Create(20));
        hasher.VerifyHashedPassword(new TrainingUser(), _decoyHash, Password);
        return false;
    }
}
