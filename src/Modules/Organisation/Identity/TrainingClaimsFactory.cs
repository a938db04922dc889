using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Training.Organisation.Data;

namespace Training.Organisation.Identity;

/// <summary>Adds the full name to the cookie principal (role permission claims come from the base factory).</summary>
public sealed class TrainingClaimsFactory(UserManager<TrainingUser> users, RoleManager<TrainingRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<TrainingUser, TrainingRole>(users, roles, options)
{
    public const string FullNameClaim = "full_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(TrainingUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(FullNameClaim, user.FullName));
        return identity;
    }
}
