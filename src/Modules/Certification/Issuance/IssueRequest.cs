using Training.Abstractions.Organisation;
using Training.Certification.Data;

namespace Training.Certification.Issuance;

/// <summary>What to issue (<see cref="Holder"/> when the caller already knows the person). <see cref="Cycle"/> and <see cref="Revision"/> identify the slot that must stay unique.</summary>
public sealed record IssueRequest(
    Programme Programme,
    string UserId,
    int Cycle,
    int Revision,
    string Source,
    decimal? Score,
    string? Reason = null,
    string? Actor = null,
    DateOnly? IssuedOn = null,
    DateOnly? ExpiresOn = null,
    Guid? Supersedes = null,
    PersonInfo? Holder = null);
