namespace Training.Reporting.Status;

/// <summary>A post of an active member of staff in a unit, mirrored from the roster (table <c>rpt_staff</c>): the
/// population of a target is counted from these rows. Inactive people have none.</summary>
public sealed class StaffMember
{
    public string UserId { get; set; } = "";
    public Guid UnitId { get; set; }
    public string? Category { get; set; }

    /// <summary>How many units the person holds a post in; people with one post are counted per unit in SQL, the few
    /// with several (kiêm nhiệm) one by one, so each is counted once in every row and ancestor.</summary>
    public int Posts { get; set; }

    /// <summary>The post counts the person in the subtree of a unit <c>R</c> holding it when <c>MinDepth ≤ depth(R)</c>:
    /// 0 for the person's first post (posts ordered by unit id), otherwise 1 + the greatest depth of the lowest common
    /// ancestor with an earlier post. So each person counts once in every subtree (see <see cref="CoverDepths"/>).</summary>
    public int MinDepth { get; set; }

    /// <summary>The first post whose <see cref="MinDepth"/> points at its branching unit (the ancestor at depth
    /// <c>MinDepth − 1</c>): summing these counts each person shared by several rows of that unit once.</summary>
    public bool Shares { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
