namespace Training.Abstractions.Organisation;

/// <summary>Who answers for a unit in HR (Tổ chức cán bộ): the users holding the HR permission whose scope contains the
/// unit. Implemented by Organisation; used by Reporting for the HR digest and the plans' report deadlines.</summary>
public interface IUnitHrDirectory
{
    /// <summary>The HR users whose scope root is the unit or one of its ancestors, nearest scope first.</summary>
    Task<IReadOnlyList<string>> HrOfUnitAsync(Guid unitId, CancellationToken ct = default);

    /// <summary>Every scoped HR user with the root of their scope.</summary>
    Task<IReadOnlyList<HrScopeInfo>> GetAllHrAsync(CancellationToken ct = default);
}

/// <summary>An HR user and the root unit of their scope.</summary>
public sealed record HrScopeInfo(string UserId, Guid ScopeUnitId);
