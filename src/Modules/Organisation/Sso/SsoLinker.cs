using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Training.Abstractions.Organisation;
using Training.Organisation.Data;
using Training.Organisation.Roster;

namespace Training.Organisation.Sso;

/// <summary>Finds the roster person behind an external identity: the login linked before, else (first sign-in) the
/// person with the staff-code claim, else the one person with the verified e-mail, and links the identity to them.
/// Nobody is created: someone the roster does not know is refused.</summary>
public sealed class SsoLinker(
    UserManager<TrainingUser> users, IOptions<OidcSettings> settings, RosterChangeNotifier roster,
    ILogger<SsoLinker> log)
{
    public async Task<SsoLinkResult> FindOrLinkAsync(ExternalLoginInfo info, CancellationToken ct = default)
    {
        var linked = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
        if (linked is not null) return await CheckAsync(linked, firstSignIn: false);

        var person = await FindOnRosterAsync(info.Principal, ct);
        if (person.User is null)
        {
            log.LogWarning("Single sign-on refused for subject {Subject}: {Reason}", info.ProviderKey, person.Reason);
            return new(null, person.Reason, false);
        }
        var user = person.User;
        var existing = await users.GetLoginsAsync(user);
        if (existing.Any(l => l.LoginProvider == info.LoginProvider))
        {
            // The person already signs in with another identity of the same provider: a second one claiming the same
            // staff code or e-mail is more likely a mistake (or an attack) than a new account.
            log.LogWarning("Single sign-on refused for subject {Subject}: user {UserId} is linked to another subject", info.ProviderKey, user.Id);
            return new(null, SsoErrors.Conflict, false);
        }
        var result = await CheckAsync(user, firstSignIn: true);
        if (result.User is null) return result;
        var added = await users.AddLoginAsync(user, new UserLoginInfo(info.LoginProvider, info.ProviderKey, info.ProviderDisplayName));
        if (!added.Succeeded)
        {
            log.LogWarning("Single sign-on link failed for {UserId}: {Errors}", user.Id, string.Join(" ", added.Errors.Select(e => e.Code)));
            return new(null, SsoErrors.Conflict, false);
        }
        log.LogInformation("Single sign-on linked subject {Subject} to user {UserId} by {Match}", info.ProviderKey, user.Id, person.Reason);
        // The person may now match audiences (their first sign-in is a roster event too): evaluate them.
        await roster.NotifyAsync([user.Id], "sso", ct);
        return result;
    }

    private async Task<SsoLinkResult> CheckAsync(TrainingUser user, bool firstSignIn) =>
        user.IsActive && !await users.IsLockedOutAsync(user)
            ? new(user, null, firstSignIn)
            : new(null, SsoErrors.Disabled, firstSignIn);

    private async Task<(TrainingUser? User, string Reason)> FindOnRosterAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        var s = settings.Value;
        var code = principal.FindFirst(s.StaffCodeClaim)?.Value?.Trim();
        if (!string.IsNullOrEmpty(code))
        {
            var upper = code.ToUpperInvariant();
            var byCode = await users.Users.FirstOrDefaultAsync(u => u.StaffCode == code || u.StaffCode == upper, ct);
            if (byCode is not null) return (byCode, "staff-code");
        }
        var email = principal.FindFirst(s.EmailClaim)?.Value?.Trim();
        var verified = string.Equals(principal.FindFirst("email_verified")?.Value, "true", StringComparison.OrdinalIgnoreCase);
        if (string.IsNullOrEmpty(email) || !verified) return (null, SsoErrors.NotOnRoster);
        var normalized = users.NormalizeEmail(email);
        var byEmail = await users.Users.Where(u => u.NormalizedEmail == normalized).Take(2).ToListAsync(ct);
        return byEmail.Count switch
        {
            1 => (byEmail[0], "verified-email"),
            0 => (null, SsoErrors.NotOnRoster),
            _ => (null, SsoErrors.Ambiguous),
        };
    }
}

public sealed record SsoLinkResult(TrainingUser? User, string? Refusal, bool FirstSignIn);
