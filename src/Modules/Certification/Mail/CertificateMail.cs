using Training.Abstractions.Events;

namespace Training.Certification.Mail;

/// <summary>The e-mail of an issued certificate to its holder, in the certification outbox. Its event id is the
/// certificate id, so the outbox's primary key admits one such message per certificate whatever redelivers the
/// <c>CertificateIssued</c> event.</summary>
public sealed record CertificateMail(Guid EventId, DateTimeOffset OccurredAt, Guid CertificateId) : IDomainEvent;
