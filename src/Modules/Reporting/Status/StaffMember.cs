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

    public DateTimeOffset UpdatedAt { get; set; }
}
