using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Training.Abstractions.Organisation;
using Training.Abstractions.Security;
using Training.Organisation.Data;

namespace Training.Organisation.Identity;

/// <summary>Adds the full name and, for a unit head, the head permission to the cookie principal (role permission claims
/// come from the base factory).</summary>
public sealed class TrainingClaimsFactory(UserManager<TrainingUser> users, RoleManager<TrainingRole> roles, IOptions<IdentityOptions> options,
    IUnitHeadDirectory heads)
    : UserClaimsPrincipalFactory<TrainingUser, TrainingRole>(users, roles, options)
{
    public const string FullNameClaim = "full_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(TrainingUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(FullNameClaim, user.FullName));
        // Headship is data (position or assignment), not a role: it becomes a permission of this sign-in.
        if ((await heads.UnitsHeadedByAsync(user.Id)).Count > 0 && !identity.HasClaim(PermissionClaim.Type, UnitHeadPermission.Name))
            identity.AddClaim(new Claim(PermissionClaim.Type, UnitHeadPermission.Name));
        return identity;
    }
}
