using Microsoft.AspNetCore.Identity;
using Training.Organisation.Data;

namespace Training.Organisation.Roster;

/// <summary>The whole change an import makes, computed from a snapshot outside any transaction and applied by
/// <see cref="RosterWriter"/> in one short one.</summary>
internal sealed class RosterPlan
{
    public List<RosterError> Errors { get; } = [];
    public List<OrgUnit> NewUnits { get; } = [];
    public List<PlannedUnit> NewUnitPaths { get; } = [];
    public List<TrainingUser> NewUsers { get; } = [];
    public List<IdentityUserRole<string>> NewUserRoles { get; } = [];

    /// <summary>Existing people with their new values (stamps renewed).</summary>
    public List<TrainingUser> ChangedUsers { get; } = [];

    /// <summary>The concurrency stamp each changed person had in the snapshot: the write refuses to apply the plan
    /// when any of them changed meanwhile.</summary>
    public List<ExpectedStamp> ExpectedStamps { get; } = [];

    /// <summary>Memberships to insert or whose primary flag changes.</summary>
    public List<UnitMembership> MembershipUpserts { get; } = [];
    public List<UnitMembership> MembershipRemovals { get; } = [];

    public int Created => NewUsers.Count;
    public int Updated => ChangedUsers.Count;
    public int Unchanged { get; set; }

    public bool WritesNothing => NewUnits.Count == 0 && NewUsers.Count == 0 && ChangedUsers.Count == 0;
}

/// <summary>A person's concurrency stamp as read in the snapshot.</summary>
internal sealed record ExpectedStamp(string Id, string? ConcurrencyStamp);
