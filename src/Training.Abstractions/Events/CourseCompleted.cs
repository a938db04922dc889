namespace Training.Abstractions.Events;

/// <summary>A learner completed a course (all lessons done and the quiz passed, online or in class).</summary>
/// <param name="CompletionId">The immutable completion record in the Courses module.</param>
/// <param name="ScorePercent">The passing quiz score, 0–100.</param>
/// <param name="Hours">The course's estimated hours (printed on a certificate's courses page); null when unknown.</param>
public sealed record CourseCompleted(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid CompletionId,
    string UserId,
    Guid CourseId,
    string CourseCode,
    string CourseTitle,
    int CourseVersion,
    decimal ScorePercent,
    DateTimeOffset CompletedAt,
    decimal? Hours = null) : IDomainEvent;
