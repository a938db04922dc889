using Training.Abstractions.Events;

namespace Training.Abstractions.Certificates;

/// <summary>A certificate was issued (automatically or manually).</summary>
public sealed record CertificateIssued(Guid EventId, DateTimeOffset OccurredAt, Guid CertificateId, string UserId, Guid ProgrammeId,
    DateOnly IssuedOn, DateOnly? ExpiresOn) : IDomainEvent;

/// <summary>A certificate was revoked.</summary>
public sealed record CertificateRevoked(Guid EventId, DateTimeOffset OccurredAt, Guid CertificateId, string UserId, Guid ProgrammeId,
    DateOnly RevokedOn, string Reason) : IDomainEvent;
