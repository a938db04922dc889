namespace Training.Organisation.Audiences;

/// <summary>A named rule that picks people from the roster (issue 11, item 3). Every criterion that is set must hold;
/// within one criterion any listed value will do. Units mean their whole subtrees.</summary>
public sealed class Audience
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public List<Guid> UnitIds { get; set; } = [];

    /// <summary>Staff categories (ngạch / loại cán bộ), compared case-insensitively; empty means any.</summary>
    public List<string> Categories { get; set; } = [];

    /// <summary>Positions (chức vụ), compared case-insensitively; empty means any.</summary>
    public List<string> Positions { get; set; } = [];

    /// <summary>Only people who joined (were first put on the roster) at most this many days ago; null means anyone.</summary>
    public int? JoinedWithinDays { get; set; }

    /// <summary>The rule's start: due dates "from the start" count from it.</summary>
    public DateOnly StartsOn { get; set; }

    /// <summary>The root of the HR user's scope when it was saved: only an HR user of a scope containing it edits it.</summary>
    public Guid? OwnerUnitId { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? EvaluatedAt { get; set; }
}

/// <summary>One stay of a person in an audience. Rows are never deleted: leaving sets <see cref="LeftOn"/>, coming back
/// adds a new row, so the history is kept.</summary>
public sealed class AudienceMember
{
    public Guid Id { get; set; }
    public Guid AudienceId { get; set; }
    public string UserId { get; set; } = "";
    public DateOnly JoinedOn { get; set; }
    public DateOnly? LeftOn { get; set; }
    public string? LeftReason { get; set; }
}
