namespace Training.Reporting.Api;

public sealed record ApiMilestone(DateOnly DueOn, decimal Percent, bool Strict);
public sealed record ApiTarget(Guid Id, int Ordinal, string Indicator, string Kind, Guid? UnitId, IReadOnlyList<string> StaffCategories,
    IReadOnlyList<string> ProgrammeCodes, IReadOnlyList<ApiMilestone> Milestones);
public sealed record ApiPlan(Guid Id, string? Number, string Title, string Issuer, DateOnly? IssuedOn, int? FromYear, int? ToYear, string? BasisNumber,
    IReadOnlyList<ApiTarget> Targets);

public sealed record ApiMilestoneStatus(DateOnly DueOn, decimal Percent, bool Strict, string Status, decimal? CoverageOnDue, decimal? Forecast);
/// <param name="Percent">Null when nobody of the unit is in the population.</param>
/// <param name="Direct">True for the row of the people placed in the unit itself rather than in a child unit.</param>
public sealed record ApiUnitCoverage(Guid UnitId, string Code, string Name, int Population, int Certified, decimal? Percent, bool Direct, IReadOnlyList<ApiMilestoneStatus> Milestones);
/// <summary>How the unit's total follows from the children rows: rows' sum less the extra rows of people with posts in several rows.</summary>
public sealed record ApiReconciliation(int RowsPopulation, int RowsCertified, int SharedPeople, int ExtraPopulation, int ExtraCertified);
public sealed record ApiCoverage(Guid TargetId, DateOnly AsOf, string State, ApiUnitCoverage? Unit, IReadOnlyList<ApiUnitCoverage> Children,
    ApiReconciliation? Totals);

public sealed record ApiCertificate(string StaffCode, string FullName, string? UnitName, string ProgrammeCode, string SerialNumber,
    DateOnly IssuedOn, DateOnly? ExpiresOn, DateOnly? RevokedOn, string Status);

/// <summary>One course assignment of a person: source is "audience" (with the audience) or "manual".</summary>
public sealed record ApiAssignment(string CourseCode, string CourseTitle, string Source, Guid? AudienceId, string? AudienceName, DateOnly DueOn,
    DateTimeOffset AssignedAt, string Status, DateTimeOffset? ClosedAt, string? ClosedReason);
