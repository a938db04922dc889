using Microsoft.AspNetCore.Identity;
using Training.Organisation.Data;

namespace Training.Organisation.Roster;

/// <summary>The change an import makes, computed batch by batch outside any transaction, staged by
/// <see cref="RosterWriter"/> after each batch and applied by it in one short transaction.</summary>
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

    /// <summary>Counts over the whole file: the lists above hold one batch at a time (the writer stages and empties them).</summary>
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }

    public bool WritesNothing => NewUnits.Count == 0 && Created == 0 && Updated == 0;

    /// <summary>Empties the batch's lists once staged (or when the plan already failed and will not be written).</summary>
    public void ClearBatch()
    {
        NewUsers.Clear();
        NewUserRoles.Clear();
        ChangedUsers.Clear();
        ExpectedStamps.Clear();
        MembershipUpserts.Clear();
        MembershipRemovals.Clear();
    }
}

/// <summary>A person's concurrency stamp as read in the snapshot.</summary>
internal sealed record ExpectedStamp(string Id, string? ConcurrencyStamp);
