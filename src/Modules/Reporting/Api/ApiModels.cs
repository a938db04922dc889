namespace Training.Reporting.Api;

public sealed record ApiMilestone(DateOnly DueOn, decimal Percent, bool Strict);
public sealed record ApiTarget(Guid Id, int Ordinal, string Indicator, string Kind, Guid? UnitId, IReadOnlyList<string> StaffCategories,
    IReadOnlyList<string> ProgrammeCodes, IReadOnlyList<ApiMilestone> Milestones);
public sealed record ApiPlan(Guid Id, string? Number, string Title, string Issuer, DateOnly? IssuedOn, int? FromYear, int? ToYear, string? BasisNumber,
    IReadOnlyList<ApiTarget> Targets);

public sealed record ApiMilestoneStatus(DateOnly DueOn, decimal Percent, bool Strict, string Status, decimal? CoverageOnDue, decimal? Forecast);
public sealed record ApiUnitCoverage(Guid UnitId, string Code, string Name, int Population, int Certified, decimal Percent, IReadOnlyList<ApiMilestoneStatus> Milestones);
public sealed record ApiCoverage(Guid TargetId, DateOnly AsOf, string State, ApiUnitCoverage? Unit, IReadOnlyList<ApiUnitCoverage> Children);

public sealed record ApiCertificate(string StaffCode, string FullName, string? UnitName, string ProgrammeCode, string SerialNumber,
    DateOnly IssuedOn, DateOnly? ExpiresOn, DateOnly? RevokedOn, string Status);
