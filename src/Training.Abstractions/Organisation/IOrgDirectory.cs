namespace Training.Abstractions.Organisation;

/// <summary>Read access to the organisation tree and the roster, for modules.</summary>
public interface IOrgDirectory
{
    /// <summary>All units, parents before children.</summary>
    Task<IReadOnlyList<OrgUnitInfo>> GetUnitsAsync(CancellationToken ct = default);

    /// <summary>The ids of a unit and all its descendants.</summary>
    Task<IReadOnlySet<Guid>> GetSubtreeAsync(Guid unitId, CancellationToken ct = default);

    /// <summary>One person, or null.</summary>
    Task<PersonInfo?> GetPersonAsync(string userId, CancellationToken ct = default);

    /// <summary>People assigned to any unit of the given subtree, optionally restricted to staff categories.
    /// A person in two units of the subtree is returned once.</summary>
    Task<IReadOnlyList<PersonInfo>> GetPeopleAsync(PeopleQuery query, CancellationToken ct = default);
}

/// <summary>A unit of the organisation tree.</summary>
public sealed record OrgUnitInfo(Guid Id, Guid? ParentId, string Code, string Name, string Kind, int Depth);

/// <summary>A member of staff as the modules see them.</summary>
public sealed record PersonInfo(
    string UserId,
    string FullName,
    string StaffCode,
    string? Email,
    Guid? PrimaryUnitId,
    string? PrimaryUnitName,
    string? Position,
    string? StaffCategory,
    IReadOnlyList<Guid> UnitIds);

/// <summary>Filter for <see cref="IOrgDirectory.GetPeopleAsync"/>.</summary>
/// <param name="UnitId">Root of the subtree; null means the whole organisation.</param>
/// <param name="StaffCategories">When non-empty, only people whose category is listed.</param>
public sealed record PeopleQuery(Guid? UnitId, IReadOnlyCollection<string>? StaffCategories = null);
