using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Training.Organisation.Identity;
using Training.Organisation.Sso;

namespace Training.Organisation.Pages.Admin;

/// <summary>Sign-in security: whether single sign-on is configured, and the switch that turns local passwords off for
/// staff (holders of the administration permission keep theirs, as break-glass accounts).</summary>
[Authorize(Policy = Permissions.ManageUsers)]
public sealed class SecurityModel(SecuritySettingsStore store, IOptions<OidcSettings> sso, TwoFactorPolicy twoFactor, ILogger<SecurityModel> log) : PageModel
{
    public OidcSettings Sso => sso.Value;
    public bool TwoFactorRequired => twoFactor.RequiredForPrivileged;
    public bool LocalPasswordsOff { get; private set; }
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => LocalPasswordsOff = await store.LocalPasswordsOffAsync(ct);

    public async Task<IActionResult> OnPostAsync(bool localPasswordsOff, CancellationToken ct)
    {
        if (localPasswordsOff && !sso.Value.Enabled)
        {
            Error = "Chưa cấu hình đăng nhập một lần: tắt mật khẩu lúc này sẽ khiến cán bộ không đăng nhập được.";
            LocalPasswordsOff = await store.LocalPasswordsOffAsync(ct);
            return Page();
        }
        await store.SetLocalPasswordsOffAsync(localPasswordsOff, ct);
        log.LogWarning("Local passwords for staff turned {State} by {User}", localPasswordsOff ? "off" : "on", User.Identity?.Name);
        LocalPasswordsOff = localPasswordsOff;
        Message = localPasswordsOff
            ? "Đã tắt đăng nhập bằng mật khẩu cho cán bộ. Quản trị viên vẫn đăng nhập được bằng mật khẩu."
            : "Đã bật lại đăng nhập bằng mật khẩu cho cán bộ.";
        return Page();
    }
}
