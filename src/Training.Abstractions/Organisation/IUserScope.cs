using System.Security.Claims;

namespace Training.Abstractions.Organisation;

/// <summary>Which units a signed-in user may see. HR users are scoped to a unit subtree.</summary>
public interface IUserScope
{
    /// <summary>The scope of the given principal.</summary>
    Task<UnitScope> GetScopeAsync(ClaimsPrincipal user, CancellationToken ct = default);
}

/// <summary>A set of visible units; <see cref="All"/> means no restriction.</summary>
public sealed record UnitScope(bool All, Guid? RootUnitId, IReadOnlySet<Guid> UnitIds)
{
    /// <summary>No restriction (administrators).</summary>
    public static UnitScope Everything { get; } = new(true, null, new HashSet<Guid>());

    /// <summary>Nothing visible.</summary>
    public static UnitScope Nothing { get; } = new(false, null, new HashSet<Guid>());

    /// <summary>True when the unit is visible in this scope.</summary>
    public bool Contains(Guid? unitId) => All || (unitId is { } id && UnitIds.Contains(id));
}
