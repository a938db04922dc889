namespace Training.Abstractions.Certificates;

/// <summary>The certificate history of given people (all programmes, all statuses), implemented by the Certification
/// module. Reporting reads it when a certificate event or a roster change tells it that these people's standing may have
/// changed: reading the history instead of applying the event makes a redelivered or late event harmless.</summary>
public interface ICertificateHistory
{
    /// <summary>Every certificate ever issued to these people (unknown ids give nothing).</summary>
    Task<IReadOnlyList<CertificateFact>> GetFactsOfPeopleAsync(IReadOnlyCollection<string> userIds, CancellationToken ct = default);
}
