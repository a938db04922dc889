using System.Security.Claims;

namespace Training.Abstractions.Organisation;

/// <summary>Unit search for the unit picker (issue 11, 20,000 units): by name with or without diacritics, or by code,
/// limited to the units the user may act on (<see cref="IUserScope"/>). Implemented by Organisation; other modules'
/// pages use it to validate a posted unit and to fill the picker's server-rendered fallback.</summary>
public interface IUnitSearch
{
    /// <summary>Page <paramref name="page"/> (1-based) of the units in the user's scope that match every word of
    /// <paramref name="query"/>; an empty query lists the scope from the top of the tree.</summary>
    Task<UnitSearchResult> SearchAsync(ClaimsPrincipal user, string? query, int page = 1, CancellationToken ct = default);

    /// <summary>The unit when it exists and lies in the user's scope, else null (a value posted by hand).</summary>
    Task<UnitChoice?> FindAsync(ClaimsPrincipal user, Guid unitId, CancellationToken ct = default);

    /// <summary>Those of the units that exist and lie in the user's scope, in the order asked (a multi-unit rule).</summary>
    Task<IReadOnlyList<UnitChoice>> FindManyAsync(ClaimsPrincipal user, IReadOnlyCollection<Guid> unitIds, CancellationToken ct = default);
}

/// <summary>A unit as the picker shows it. <paramref name="PathLabel"/> names its ancestors and itself,
/// "Sở GD&amp;ĐT › Phòng A › Trường 1", so that same-named schools can be told apart.</summary>
public sealed record UnitChoice(Guid Id, string Code, string Name, string PathLabel);

/// <summary>One page of matches; <see cref="Total"/> counts every match in scope.</summary>
public sealed record UnitSearchResult(IReadOnlyList<UnitChoice> Items, int Page, int PageSize, int Total)
{
    /// <summary>True when later pages hold more matches.</summary>
    public bool HasMore => Page * PageSize < Total;

    /// <summary>No match.</summary>
    public static UnitSearchResult Empty { get; } = new([], 1, UnitSearchLimits.PageSize, 0);
}

/// <summary>The picker's fixed sizes.</summary>
public static class UnitSearchLimits
{
    /// <summary>Matches per page.</summary>
    public const int PageSize = 20;

    /// <summary>Longest query accepted (longer input is cut, not refused: it is a search box).</summary>
    public const int QueryLength = 200;
}
