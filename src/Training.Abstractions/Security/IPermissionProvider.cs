namespace Training.Abstractions.Security;

/// <summary>Each module declares its permissions and which built-in role gets which by default.</summary>
public interface IPermissionProvider
{
    /// <summary>All permissions the module declares.</summary>
    IEnumerable<Permission> GetPermissions();

    /// <summary>Default grants: built-in role name to the permissions it holds.</summary>
    IEnumerable<RoleGrant> GetDefaultGrants();
}

/// <summary>A default grant of permissions to one of the built-in roles.</summary>
public sealed record RoleGrant(string Role, IReadOnlyList<Permission> Permissions);
