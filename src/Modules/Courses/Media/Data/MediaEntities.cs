namespace Training.Courses.Media.Data;

/// <summary>A file of a course's media library, referenced from lessons as <c>media:slug</c>.</summary>
public sealed class MediaItem
{
    public Guid Id { get; set; }
    public Guid CourseId { get; set; }
    /// <summary>Lower-case ASCII letters, digits and hyphens, unique per course.</summary>
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public MediaKind Kind { get; set; }
    public string ContentType { get; set; } = "";
    public string FileName { get; set; } = "";
    public long Length { get; set; }
    public string Sha256 { get; set; } = "";
    public string BlobKey { get; set; } = "";
    /// <summary>WebVTT captions of a video or audio item, when given.</summary>
    public string? CaptionsBlobKey { get; set; }
    public string? CaptionsSha256 { get; set; }
    public string UploadedBy { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>Where a learner stopped in a video and how far they got; <see cref="WatchedAt"/> is set once they reached
/// 90 % of it.</summary>
public sealed class MediaProgress
{
    public string UserId { get; set; } = "";
    public Guid MediaId { get; set; }
    public double PositionSeconds { get; set; }
    public double FurthestSeconds { get; set; }
    public double DurationSeconds { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? WatchedAt { get; set; }
}
