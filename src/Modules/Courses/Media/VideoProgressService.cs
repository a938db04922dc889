using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Training.Courses.Data;
using Training.Courses.Media.Data;
using Training.Courses.Services;

namespace Training.Courses.Media;

/// <summary>What the player reports and gets back.</summary>
public sealed record VideoProgressReport(Guid LessonId, double Position, double Duration);

public sealed record VideoProgressState(double Position, bool Watched, bool LessonDone);

/// <summary>Resume position and "watched" per learner and video. A video counts as watched once the furthest point the
/// learner reached is at least 90 % of its length; that is recorded once as an xAPI "completed" statement about the
/// video, and when every video of the lesson is watched the lesson is marked done (which may complete the course).
/// Positions are what the learner's browser reports, as with any xAPI video client.</summary>
public sealed class VideoProgressService(MediaDbContext db, LearningService learning, CourseCatalog catalog, XapiRecorder xapi,
    CoursesDbContext courses, MediaLibrary library, TimeProvider clock)
{
    public const double WatchedShare = 0.9;
    private const double MaxDuration = 24 * 3600;

    public async Task<VideoProgressState?> GetAsync(string userId, Guid mediaId, CancellationToken ct)
    {
        var p = await db.Progress.AsNoTracking().FirstOrDefaultAsync(x => x.UserId == userId && x.MediaId == mediaId, ct);
        return p is null ? new VideoProgressState(0, false, false) : new VideoProgressState(p.PositionSeconds, p.WatchedAt is not null, false);
    }

    /// <summary>Null when the learner may not report on this video in this lesson (not enrolled, another version's
    /// lesson, or a lesson that does not show the video).</summary>
    public async Task<VideoProgressState?> RecordAsync(ClaimsPrincipal user, MediaRef video, VideoProgressReport report, CancellationToken ct)
    {
        var userId = AuthoringService.UserId(user)!;
        if (video.Kind != MediaKind.Video) return null;
        if (!double.IsFinite(report.Duration) || report.Duration is <= 0 or > MaxDuration || !double.IsFinite(report.Position)) return null;
        var enrolment = await learning.GetCurrentAsync(userId, video.CourseId, ct);
        var lesson = await catalog.GetLessonAsync(report.LessonId, ct);
        if (enrolment is null || lesson is null || lesson.VersionId != enrolment.VersionId) return null;
        var shown = MediaReferences.Slugs(lesson.Markdown);
        if (!shown.Contains(video.Slug)) return null;

        var position = Math.Clamp(report.Position, 0, report.Duration);
        var now = clock.GetUtcNow();
        var progress = await db.Progress.FirstOrDefaultAsync(x => x.UserId == userId && x.MediaId == video.Id, ct);
        if (progress is null)
        {
            progress = new MediaProgress { UserId = userId, MediaId = video.Id };
            db.Progress.Add(progress);
        }
        progress.PositionSeconds = position;
        progress.DurationSeconds = report.Duration;
        progress.FurthestSeconds = Math.Max(progress.FurthestSeconds, position);
        progress.UpdatedAt = now;
        var becameWatched = progress.WatchedAt is null && progress.FurthestSeconds >= WatchedShare * report.Duration;
        if (becameWatched) progress.WatchedAt = now;
        await db.SaveChangesAsync(ct);

        if (becameWatched)
            await xapi.RecordAsync(userId, XapiVerbs.Completed, "video", video.Url, video.Title, completion: true, ct: ct);
        var lessonDone = progress.WatchedAt is not null && await AllWatchedAsync(userId, video.CourseId, shown, ct);
        if (lessonDone) await learning.MarkDoneAsync(enrolment, lesson, ct);
        else if (becameWatched) await courses.SaveChangesAsync(ct);
        return new VideoProgressState(position, progress.WatchedAt is not null, lessonDone);
    }

    private async Task<bool> AllWatchedAsync(string userId, Guid courseId, IReadOnlySet<string> slugs, CancellationToken ct)
    {
        var media = await library.GetCourseAsync(courseId, ct);
        var videos = slugs.Select(s => media.BySlug.GetValueOrDefault(s)).Where(m => m is { Kind: MediaKind.Video }).Select(m => m!.Id).ToList();
        var watched = await db.Progress.CountAsync(p => p.UserId == userId && videos.Contains(p.MediaId) && p.WatchedAt != null, ct);
        return watched == videos.Count;
    }
}
