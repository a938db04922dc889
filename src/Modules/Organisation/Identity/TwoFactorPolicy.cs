using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Training.Abstractions.Security;
using Training.Organisation.Data;

namespace Training.Organisation.Identity;

/// <summary>Who counts as privileged (administration or HR permission) and whether such users must use two-factor
/// sign-in (<c>Security:RequireTwoFactorForPrivileged</c>, on by default in Production only, so the demo and the
/// tests keep signing in with a password alone).</summary>
public sealed class TwoFactorPolicy(IUserClaimsPrincipalFactory<TrainingUser> claims, IConfiguration config, IHostEnvironment env)
{
    public const string Setting = "Security:RequireTwoFactorForPrivileged";

    public bool RequiredForPrivileged => config.GetValue<bool?>(Setting) ?? env.IsProduction();

    public async Task<bool> IsPrivilegedAsync(TrainingUser user) => await HasAnyAsync(user, Permissions.AccessAdmin, Permissions.AccessHr);

    /// <summary>Break-glass administrators keep their local password when staff passwords are off.</summary>
    public async Task<bool> IsAdministratorAsync(TrainingUser user) => await HasAnyAsync(user, Permissions.AccessAdmin);

    private async Task<bool> HasAnyAsync(TrainingUser user, params string[] permissions)
    {
        var principal = await claims.CreateAsync(user);
        return principal.Claims.Any(c => c.Type == PermissionClaim.Type && permissions.Contains(c.Value));
    }
}
