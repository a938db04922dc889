using Training.Certification.Data;

namespace Training.Certification.Pdf;

/// <summary>What rendering a batch of certificates needs from the database, loaded once before rendering in parallel.</summary>
public sealed record RenderInputs(
    IReadOnlyDictionary<Guid, CertificateTemplate> Templates,
    IReadOnlyDictionary<Guid, IssuerMark> Marks,
    IReadOnlyDictionary<Guid, IReadOnlyList<CourseLine>> Courses);
