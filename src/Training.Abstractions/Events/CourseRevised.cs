namespace Training.Abstractions.Events;

/// <summary>A course that a programme administrator marked "cần cập nhật" (the law it teaches changed, say) was
/// published again. Published by Courses in the publication's transaction; Certification opens a new cycle
/// (reason <c>course-updated</c>) for the holders of every programme listing the course.</summary>
/// <param name="Version">The new published version.</param>
/// <param name="DueOn">When the holders must have completed the updated course, chosen when the update was requested.</param>
/// <param name="RevisedBy">User id of the administrator who requested the update.</param>
public sealed record CourseRevised(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid CourseId,
    string CourseCode,
    int Version,
    DateOnly DueOn,
    string RevisedBy) : IDomainEvent;
