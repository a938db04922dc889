using Training.Abstractions.Certificates;

namespace Training.Reporting.Tests.Doubles;

/// <summary>An in-memory certificate ledger standing in for the Certification module.</summary>
public sealed class InMemoryLedger : ICertificateLedger, ICertificateHistory
{
    public List<ProgrammeInfo> Programmes { get; } = [];
    public List<CertificateFact> Facts { get; } = [];

    public ProgrammeInfo AddProgramme(string code, params string[] courseCodes)
    {
        var programme = new ProgrammeInfo(Guid.NewGuid(), code, "Chương trình " + code, 24) { CourseCodes = courseCodes };
        Programmes.Add(programme);
        return programme;
    }

    public CertificateFact Issue(string userId, ProgrammeInfo programme, DateOnly issuedOn, DateOnly? expiresOn = null, DateOnly? revokedOn = null)
    {
        var fact = new CertificateFact(Guid.NewGuid(), userId, programme.Id, issuedOn, expiresOn, revokedOn, null,
            $"CC-{Facts.Count + 1:00000}", Guid.NewGuid().ToString("N")[..10]);
        Facts.Add(fact);
        return fact;
    }

    public Task<IReadOnlyList<ProgrammeInfo>> GetProgrammesAsync(CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<ProgrammeInfo>>(Programmes.ToList());

    /// <summary>Reads of the history wait for this task: a test holds a reload back to see what requests get meanwhile.</summary>
    public Task Gate { get; set; } = Task.CompletedTask;

    public async Task<IReadOnlyList<CertificateFact>> GetFactsAsync(IReadOnlyCollection<Guid> programmeIds, CancellationToken ct = default)
    {
        await Gate;
        return Facts.Where(f => programmeIds.Contains(f.ProgrammeId)).ToList();
    }

    public Task<IReadOnlyList<CertificateFact>> GetFactsOfPeopleAsync(IReadOnlyCollection<string> userIds, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<CertificateFact>>(Facts.Where(f => userIds.Contains(f.UserId)).ToList());
}
