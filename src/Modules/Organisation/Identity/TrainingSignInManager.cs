using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Training.Organisation.Data;

namespace Training.Organisation.Identity;

/// <summary>Identity's sign-in manager, except that an open session also ends when its user is locked out or
/// deactivated, even if whatever did it forgot to renew the security stamp.</summary>
public sealed class TrainingSignInManager(
    UserManager<TrainingUser> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<TrainingUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<TrainingUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<TrainingUser> confirmation)
    : SignInManager<TrainingUser>(users, http, claims, options, logger, schemes, confirmation)
{
    public override async Task<TrainingUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        if (user is null || !user.IsActive || await UserManager.IsLockedOutAsync(user)) return null;
        return user;
    }

    /// <summary>Signs in a user whose password the login page has checked: straight in, or (two-factor enabled and this
    /// browser not remembered) only half-way, waiting for the code.</summary>
    public Task<SignInResult> SignInAfterPasswordAsync(TrainingUser user) =>
        SignInOrTwoFactorAsync(user, isPersistent: false, loginProvider: null, bypassTwoFactor: false);
}
