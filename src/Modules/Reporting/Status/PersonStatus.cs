namespace Training.Reporting.Status;

/// <summary>One person's standing in one programme, kept by Reporting from certificate events and roster changes
/// (table <c>rpt_person_status</c>, one row per person and programme). The person counts as certified on day <c>d</c>
/// when <c>ValidFrom &lt;= d</c>, <c>ValidUntil</c> is null or <c>d &lt;= ValidUntil</c>, and <c>RevokedOn</c> is null or
/// <c>d &lt; RevokedOn</c>. <see cref="ValidFrom"/> is where the unbroken run of certificates ending with the current one
/// began (a recertification or a reissue continues the run), so a dashboard's trend reads the span without the history.</summary>
public sealed class PersonStatus
{
    public string UserId { get; set; } = "";
    public Guid ProgrammeId { get; set; }

    /// <summary>The person's unit when they hold one post; their primary unit otherwise (<see cref="Posts"/> &gt; 1 people are
    /// counted from <see cref="StaffMember"/> rows instead). Null when the person is on no unit.</summary>
    public Guid? UnitId { get; set; }

    /// <summary>Staff category from the roster, so a target's categories filter the rows without a join.</summary>
    public string? Category { get; set; }

    /// <summary>How many units the person holds a post in (copied from the roster).</summary>
    public int Posts { get; set; }

    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public DateOnly? RevokedOn { get; set; }

    /// <summary>The current certificate (the latest issued that was not superseded) and its issue date and serial:
    /// an event about an older certificate never replaces it.</summary>
    public Guid CertificateId { get; set; }
    public DateOnly IssuedOn { get; set; }
    public string SerialNumber { get; set; } = "";

    /// <summary>How many certificates of the programme the person has been issued (reissues included).</summary>
    public int Certificates { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsValidOn(DateOnly day) =>
        ValidFrom <= day && (ValidUntil is null || day <= ValidUntil) && (RevokedOn is null || day < RevokedOn);

    /// <summary>Same facts (everything but the time of the update): a redelivered event writes nothing.</summary>
    public bool SameAs(PersonStatus other) =>
        UserId == other.UserId && ProgrammeId == other.ProgrammeId && UnitId == other.UnitId && Category == other.Category
        && Posts == other.Posts && ValidFrom == other.ValidFrom && ValidUntil == other.ValidUntil && RevokedOn == other.RevokedOn
        && CertificateId == other.CertificateId && IssuedOn == other.IssuedOn && SerialNumber == other.SerialNumber
        && Certificates == other.Certificates;
}
