using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Training.Abstractions.Security;

namespace Training.Site.Security;

/// <summary>Every declared permission is a policy of the same name: an authenticated user holding the
/// permission claim (granted through their roles).</summary>
internal sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options, IEnumerable<IPermissionProvider> providers)
    : DefaultAuthorizationPolicyProvider(options)
{
    private readonly HashSet<string> _names = providers.SelectMany(p => p.GetPermissions()).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (!_names.Contains(policyName)) return await base.GetPolicyAsync(policyName);
        return new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireClaim(PermissionClaim.Type, policyName)
            .Build();
    }
}
