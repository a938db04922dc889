namespace Training.Certification.Data;

/// <summary>A certification cycle opened for a holder before its certificate was earned: the recertification window of
/// their certificate opened, or the programme asked its holders to take an updated course again. Immutable once
/// written; it is closed by the certificate of the same (person, programme, cycle), found by that key when read, so
/// issuing never has to update it. Cycle 1 has no row: it opens with the first assignment.</summary>
public sealed class CertificationCycle
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    public Guid ProgrammeId { get; set; }
    /// <summary>The cycle the next certificate will carry (the previous certificate's cycle + 1).</summary>
    public int Cycle { get; set; }
    /// <summary>The certificate whose cycle this one follows.</summary>
    public Guid PreviousCertificateId { get; set; }
    /// <summary>One of <c>RecertificationReasons</c>.</summary>
    public string Reason { get; set; } = "";
    public DateTimeOffset OpenedAt { get; set; }
    /// <summary>Completions on or after this instant count for the cycle (the window opening, or the moment a
    /// course-updated cycle was opened: an older completion taught the old law).</summary>
    public DateTimeOffset CountFrom { get; set; }
    public DateOnly DueOn { get; set; }
    /// <summary>Who opened it: a user id, or <c>system</c> for the daily scanner.</summary>
    public string OpenedBy { get; set; } = "";
}
