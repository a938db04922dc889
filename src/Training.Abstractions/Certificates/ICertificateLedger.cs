namespace Training.Abstractions.Certificates;

/// <summary>Read access to certification programmes and the certificate history, implemented by the
/// Certification module, used by reporting (coverage against plan targets) and reminders.</summary>
public interface ICertificateLedger
{
    /// <summary>All programmes.</summary>
    Task<IReadOnlyList<ProgrammeInfo>> GetProgrammesAsync(CancellationToken ct = default);

    /// <summary>Every certificate ever issued for the given programmes (all statuses, the whole history),
    /// so coverage can be computed as of any date.</summary>
    Task<IReadOnlyList<CertificateFact>> GetFactsAsync(IReadOnlyCollection<Guid> programmeIds, CancellationToken ct = default);
}

/// <summary>A certification programme. Its courses are named by code (<see cref="CourseCodes"/>), as the programme is
/// defined: a module that needs course ids resolves the codes itself (Courses owns them; others ask
/// <c>ILearningActivity.GetCourseIdsAsync</c>).</summary>
public sealed record ProgrammeInfo(Guid Id, string Code, string Name, int? ValidityMonths)
{
    /// <summary>The codes of the courses the programme requires (all, or any N of them); they name a course before anyone
    /// has completed it.</summary>
    public IReadOnlyList<string> CourseCodes { get; init; } = [];
}

/// <summary>One certificate as a fact in time. It is valid on day <c>d</c> when
/// <c>IssuedOn &lt;= d</c>, <c>ExpiresOn</c> is null or <c>d &lt;= ExpiresOn</c> (the expiry day itself still counts),
/// and <c>RevokedOn</c> is null or <c>d &lt; RevokedOn</c>. A superseded certificate is followed by its replacement.</summary>
public sealed record CertificateFact(
    Guid CertificateId,
    string UserId,
    Guid ProgrammeId,
    DateOnly IssuedOn,
    DateOnly? ExpiresOn,
    DateOnly? RevokedOn,
    DateOnly? SupersededOn,
    string SerialNumber,
    string VerificationCode)
{
    /// <summary>How the certificate came to be: <see cref="CertificateSources.Course"/> (a course completed on the site),
    /// <see cref="CertificateSources.Manual"/> (issued by HR, e.g. for a class held elsewhere), <see cref="CertificateSources.Reissue"/>
    /// (a replacement in the same cycle), <see cref="CertificateSources.Seed"/> (demo or imported data); null when unknown.</summary>
    public string? Source { get; init; }

    /// <summary>Valid on the given day (not yet expired, not revoked).</summary>
    public bool IsValidOn(DateOnly day) =>
        IssuedOn <= day && (ExpiresOn is null || day <= ExpiresOn) && (RevokedOn is null || day < RevokedOn);
}

/// <summary>Values of <see cref="CertificateFact.Source"/>.</summary>
public static class CertificateSources
{
    public const string Course = "auto";
    public const string Manual = "manual";
    public const string Reissue = "reissue";
    public const string Seed = "seed";
}
