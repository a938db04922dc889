namespace Training.Organisation.Data;

/// <summary>A person's assignment to a unit; a person may hold several (kiêm nhiệm), one primary.</summary>
public sealed class UnitMembership
{
    public string UserId { get; set; } = "";
    public Guid UnitId { get; set; }
    public bool IsPrimary { get; set; }
}
