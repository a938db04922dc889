namespace Training.Organisation.Data;

/// <summary>An explicit "head of unit" assignment made by an administrator or HR. Rows are never deleted: ending one sets
/// <see cref="EndedAt"/> and <see cref="EndedBy"/>, so the table is its own audit trail.</summary>
public sealed class UnitHeadAssignment
{
    public Guid Id { get; set; }
    public Guid UnitId { get; set; }
    public string UserId { get; set; } = "";
    public string AssignedBy { get; set; } = "";
    public DateTimeOffset AssignedAt { get; set; }
    public string? EndedBy { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
}
