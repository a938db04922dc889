using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Training.Organisation.Data;

namespace Training.Organisation.Identity;

/// <summary>Identity's user manager, except that every change of roles or lock-out also renews the security stamp,
/// so open sessions of that user are refused at their next validation (within a minute) wherever the change is
/// made. (Password changes renew it already in the base class.)</summary>
public sealed class TrainingUserManager(
    IUserStore<TrainingUser> store, IOptions<IdentityOptions> options, IPasswordHasher<TrainingUser> hasher,
    IEnumerable<IUserValidator<TrainingUser>> userValidators, IEnumerable<IPasswordValidator<TrainingUser>> passwordValidators,
    ILookupNormalizer normalizer, IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<TrainingUser>> logger)
    : UserManager<TrainingUser>(store, options, hasher, userValidators, passwordValidators, normalizer, errors, services, logger)
{
    public override async Task<IdentityResult> AddToRoleAsync(TrainingUser user, string role) =>
        await RenewStampIfSucceeded(user, await base.AddToRoleAsync(user, role));

    public override async Task<IdentityResult> AddToRolesAsync(TrainingUser user, IEnumerable<string> roles) =>
        await RenewStampIfSucceeded(user, await base.AddToRolesAsync(user, roles));

    public override async Task<IdentityResult> RemoveFromRoleAsync(TrainingUser user, string role) =>
        await RenewStampIfSucceeded(user, await base.RemoveFromRoleAsync(user, role));

    public override async Task<IdentityResult> RemoveFromRolesAsync(TrainingUser user, IEnumerable<string> roles) =>
        await RenewStampIfSucceeded(user, await base.RemoveFromRolesAsync(user, roles));

    public override async Task<IdentityResult> SetLockoutEndDateAsync(TrainingUser user, DateTimeOffset? lockoutEnd) =>
        await RenewStampIfSucceeded(user, await base.SetLockoutEndDateAsync(user, lockoutEnd));

    private async Task<IdentityResult> RenewStampIfSucceeded(TrainingUser user, IdentityResult result) =>
        result.Succeeded ? await UpdateSecurityStampAsync(user) : result;
}
