using Microsoft.AspNetCore.Identity;

namespace Training.Organisation.Data;

/// <summary>A member of staff who can sign in. User name is the staff code (or a demo name).</summary>
public sealed class TrainingUser : IdentityUser
{
    public string FullName { get; set; } = "";
    public string StaffCode { get; set; } = "";
    public string? Position { get; set; }
    public string? StaffCategory { get; set; }
    public Guid? PrimaryUnitId { get; set; }

    /// <summary>For HR users: the root of the unit subtree they manage.</summary>
    public Guid? ScopeUnitId { get; set; }

    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Preferred UI language (vi or en); added by the second migration.</summary>
    public string? PreferredLanguage { get; set; }
}
