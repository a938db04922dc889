using System.Security.Claims;
using Training.Abstractions.Organisation;
using Training.Abstractions.Security;

namespace Training.Organisation.Roster;

/// <summary>Who is importing, and so whom the import may create or change (issue 10, item 1).
/// An import may touch a person only when the person's primary unit is inside the importer's subtree, any HR scope the
/// person holds is inside it too, and the person holds no permission beyond the importer's own and those an import
/// grants to everyone it creates. A concurrent post (kiêm nhiệm) inside the subtree gives no authority.</summary>
/// <param name="Scope">The importer's unit subtree.</param>
/// <param name="Permissions">The importer's permissions; null for the system (CLI), which may touch anyone.</param>
public sealed record RosterAuthority(UnitScope Scope, IReadOnlySet<string>? Permissions)
{
    /// <summary>The command line: the whole organisation, every person.</summary>
    public static RosterAuthority System { get; } = new(UnitScope.Everything, null);

    /// <summary>A signed-in user: their scope and the permission claims of their principal.</summary>
    public static RosterAuthority For(ClaimsPrincipal user, UnitScope scope) =>
        new(scope, user.FindAll(PermissionClaim.Type).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));

    /// <summary>A system acting for a unit subtree (an HR system's API key): it holds no permission of its own, so it may
    /// touch only plain staff of the subtree.</summary>
    public static RosterAuthority ForSubtree(UnitScope scope) => new(scope, new HashSet<string>());

    /// <summary>Why this importer may not touch the person, or null when it may.</summary>
    /// <param name="grantedOnImport">Permissions every imported person gets (the learner role's).</param>
    public string? Refusal(ExistingPerson person, IReadOnlySet<string> grantedOnImport)
    {
        if (Permissions is null) return null;
        if (!Scope.Contains(person.PrimaryUnitId))
            return "có đơn vị chính nằm ngoài phạm vi bạn quản lý";
        if (person.ScopeUnitId is { } managed && !Scope.Contains(managed))
            return "quản lý một phạm vi đơn vị rộng hơn hoặc khác phạm vi của bạn";
        if (person.Permissions.Any(p => !Permissions.Contains(p) && !grantedOnImport.Contains(p)))
            return "có quyền mà bạn không có";
        return null;
    }
}

/// <summary>What the authority rule needs to know of a person already in the database.</summary>
public sealed record ExistingPerson(string Id, Guid? PrimaryUnitId, Guid? ScopeUnitId, IReadOnlySet<string> Permissions);
