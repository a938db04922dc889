using Training.Abstractions.Certificates;
using Training.Abstractions.Events;

namespace Training.Reporting.Status;

/// <summary>A certificate was issued (first time, recertification or reissue) or revoked: the holder's status rows are
/// refreshed from their history. Expiry needs no event: the row's <c>ValidUntil</c> ends it on its day.</summary>
public sealed class CertificateStatusHandler(StatusRefresher refresher) : IDomainEventHandler<CertificateIssued>, IDomainEventHandler<CertificateRevoked>
{
    public Task HandleAsync(CertificateIssued e, CancellationToken ct) => refresher.RefreshAsync([e.UserId], ct);

    public Task HandleAsync(CertificateRevoked e, CancellationToken ct) => refresher.RefreshAsync([e.UserId], ct);
}
