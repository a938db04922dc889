using Training.Abstractions.Events;

namespace Training.Abstractions.Certificates;

/// <summary>A new certification cycle opened for a holder: the recertification window of their certificate opened, or
/// the programme asked its holders to take an updated course again. Published by Certification; Courses assigns the
/// courses for the new cycle, notifications tell the holder and their unit head. Handlers must be idempotent
/// (key: user, programme, cycle).</summary>
/// <param name="CertificateId">The certificate whose cycle ends (the one the holder holds now).</param>
/// <param name="NewCycle">The cycle number the next certificate will carry.</param>
/// <param name="CourseCodes">The programme's courses the holder must complete for the new cycle.</param>
/// <param name="DueOn">When the new cycle's courses are due: the current certificate's expiry, or a date the programme
/// administrator chose.</param>
/// <param name="Reason">One of <see cref="RecertificationReasons"/>.</param>
public sealed record RecertificationOpened(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string UserId,
    Guid ProgrammeId,
    string ProgrammeName,
    Guid CertificateId,
    int NewCycle,
    IReadOnlyList<string> CourseCodes,
    DateOnly DueOn,
    string Reason) : IDomainEvent;

/// <summary>Why a new cycle opened.</summary>
public static class RecertificationReasons
{
    /// <summary>The certificate's recertification window opened before its expiry.</summary>
    public const string Expiry = "expiry";

    /// <summary>A course of the programme was updated (e.g. the law it teaches changed) and republished.</summary>
    public const string CourseUpdated = "course-updated";
}
