namespace Training.Abstractions.Organisation;

/// <summary>Who heads which unit (Trưởng đơn vị): a person whose position is the unit's head position, or a person an
/// administrator assigned as head of the unit. Implemented by Organisation; used by Reporting ("Đơn vị của tôi",
/// digests) and by the notifications that must tell a person's unit head (recertification, overdue).</summary>
public interface IUnitHeadDirectory
{
    /// <summary>The units the person heads (each with its subtree visible to them); empty when they head none.</summary>
    Task<IReadOnlyList<Guid>> UnitsHeadedByAsync(string userId, CancellationToken ct = default);

    /// <summary>The user ids of the heads of the person's primary unit, nearest first: when the unit has no head, the
    /// heads of its parent, and so on up to the root. Empty when no unit on the path has a head.</summary>
    Task<IReadOnlyList<string>> HeadsOfPersonAsync(string userId, CancellationToken ct = default);

    /// <summary>Every (head, unit) pair, for the weekly digest.</summary>
    Task<IReadOnlyList<UnitHeadInfo>> GetAllHeadsAsync(CancellationToken ct = default);
}

/// <summary>A unit head and the unit they head.</summary>
public sealed record UnitHeadInfo(string UserId, Guid UnitId, string UnitName);
