namespace Training.Certification.Data;

/// <summary>A course completion as received from a <c>CourseCompleted</c> event (one row per completion).</summary>
public sealed class CourseResult
{
    public Guid CompletionId { get; set; }
    public string UserId { get; set; } = "";
    public Guid CourseId { get; set; }
    public string CourseCode { get; set; } = "";
    public string CourseTitle { get; set; } = "";
    public decimal ScorePercent { get; set; }
    /// <summary>The course's estimated hours when completed (null for completions received before hours were sent).</summary>
    public decimal? Hours { get; set; }
    public DateTimeOffset CompletedAt { get; set; }
}

/// <summary>A named counter (serial numbers per issuer and year, status list indexes), incremented in the issuing transaction.</summary>
public sealed class Counter
{
    public string Name { get; set; } = "";
    public int Value { get; set; }
}

/// <summary>Who did what to a certificate, and why.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public Guid CertificateId { get; set; }
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public string Detail { get; set; } = "";
}
