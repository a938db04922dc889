namespace Training.Organisation.Roster;

/// <summary>A person the file could match, as the planner needs them: what identifies them (staff code, e-mail, user
/// name), what a row may change, the stamps the write checks or keeps, and what the authority rule reads. A projection,
/// not the <see cref="Data.TrainingUser"/> entity: at 100,000 staff the entities (with every Identity column) were most of
/// the snapshot's memory and of its load time (issue 11).</summary>
internal sealed record KnownPerson(
    string Id,
    string StaffCode,
    string? Email,
    string? NormalizedEmail,
    string? NormalizedUserName,
    string FullName,
    string? Position,
    string? StaffCategory,
    Guid? PrimaryUnitId,
    Guid? ScopeUnitId,
    string? SecurityStamp,
    string? ConcurrencyStamp);
