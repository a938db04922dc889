using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Organisation.Data;
using Training.Organisation.Identity;

namespace Training.Organisation.Pages.Account;

/// <summary>Two-factor sign-in of the signed-in user: enrol an authenticator (QR code, then a code to prove it works),
/// see the recovery codes once, make new ones, reset or turn it off (not allowed where it is required).</summary>
public sealed class TwoFactorModel(UserManager<TrainingUser> users, SignInManager<TrainingUser> signIn, TwoFactorPolicy policy) : PageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty, StringLength(16, ErrorMessage = "Mã xác thực quá dài."), Display(Name = "Mã 6 chữ số từ ứng dụng")]
    public string? Code { get; set; }

    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public string? SharedKey { get; private set; }
    public string? QrDataUri { get; private set; }
    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync(await CurrentAsync());

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await CurrentAsync();
        var code = (Code ?? "").Replace(" ", "").Replace("-", "");
        if (!ModelState.IsValid || code.Length == 0
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "Mã xác thực không đúng. Kiểm tra giờ trên điện thoại và nhập mã đang hiển thị.");
            return await LoadAsync(user);
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        // Rebuilds the session without the enrolment hold.
        await signIn.RefreshSignInAsync(user);
        Message = "Đã bật xác thực hai bước.";
        return await LoadAsync(user);
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await CurrentAsync();
        if (!await users.GetTwoFactorEnabledAsync(user)) return RedirectToPage();
        NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        Message = "Đã tạo mã khôi phục mới; các mã cũ không còn dùng được.";
        return await LoadAsync(user);
    }

    public async Task<IActionResult> OnPostDisableAsync() => await TurnOffAsync(resetKey: false);

    public async Task<IActionResult> OnPostResetAsync() => await TurnOffAsync(resetKey: true);

    private async Task<IActionResult> TurnOffAsync(bool resetKey)
    {
        var user = await CurrentAsync();
        if (!resetKey && policy.RequiredForPrivileged && await policy.IsPrivilegedAsync(user))
        {
            ModelState.AddModelError("", "Tài khoản quản trị và tổ chức cán bộ bắt buộc dùng xác thực hai bước; bạn chỉ có thể đặt lại ứng dụng xác thực.");
            return await LoadAsync(user);
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        if (resetKey) await users.ResetAuthenticatorKeyAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await signIn.RefreshSignInAsync(user);
        Message = resetKey ? "Đã đặt lại: quét mã QR mới bằng ứng dụng xác thực rồi nhập mã để bật lại." : "Đã tắt xác thực hai bước.";
        return await LoadAsync(user);
    }

    private async Task<TrainingUser> CurrentAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in user no longer exists.");

    private async Task<IActionResult> LoadAsync(TrainingUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        Required = policy.RequiredForPrivileged && await policy.IsPrivilegedAsync(user);
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return Page();
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        SharedKey = key;
        QrDataUri = AuthenticatorQr.PngDataUri(AuthenticatorQr.Uri(user.UserName ?? user.StaffCode, key!));
        return Page();
    }
}
