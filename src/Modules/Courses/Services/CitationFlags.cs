using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Citations;
using Training.Courses.Data;
using Training.Platform.Time;

namespace Training.Courses.Services;

/// <summary>A published lesson citing documents that are replaced or expired, or will be within the look-ahead.</summary>
public sealed record FlaggedLesson(Guid CourseId, string CourseCode, string CourseTitle, Guid LessonId, Guid SourceLessonId, int Number,
    string LessonTitle, IReadOnlyList<CitedDocument> Documents);

/// <summary>Which published lessons cite law that changes: the lesson's stored citations (article keys, written at
/// publication) asked of <see cref="ICitationValidity"/> for today's date (the injected clock), looking 180 days ahead.
/// Without a legal library (module absent) nothing is flagged.</summary>
public sealed class CitationFlags(CoursesDbContext db, IServiceProvider services, TimeProvider clock, IMemoryCache cache)
{
    public const int LookAheadDays = 180;

    /// <summary>Flagged lessons of the currently published versions of the given courses (all when null).</summary>
    public async Task<List<FlaggedLesson>> ForCoursesAsync(IReadOnlyCollection<Guid>? courseIds, CancellationToken ct = default)
    {
        var courses = await db.Courses.AsNoTracking()
            .Where(c => c.PublishedVersionId != null && c.Status == CourseStatus.Published && (courseIds == null || courseIds.Contains(c.Id)))
            .Select(c => new { c.Id, c.Code, c.Title, VersionId = c.PublishedVersionId!.Value }).ToListAsync(ct);
        if (courses.Count == 0) return [];
        var versionIds = courses.Select(c => c.VersionId).ToList();
        var citations = await db.Citations.AsNoTracking().Where(c => versionIds.Contains(c.VersionId)).ToListAsync(ct);
        var validity = await ValidityAsync(citations.Select(c => c.ArticleKey).ToList(), ct);
        var flagged = citations.Where(c => validity.ContainsKey(c.ArticleKey)).GroupBy(c => c.LessonId)
            .ToDictionary(g => g.Key, g => g.Select(c => validity[c.ArticleKey]).Distinct().ToList());
        if (flagged.Count == 0) return [];
        var lessonIds = flagged.Keys.ToList();
        var lessons = await db.VersionLessons.AsNoTracking().Where(l => lessonIds.Contains(l.Id)).ToListAsync(ct);
        var byCourse = courses.ToDictionary(c => c.Id);
        return lessons.OrderBy(l => byCourse[l.CourseId].Code).ThenBy(l => l.Number)
            .Select(l => new FlaggedLesson(l.CourseId, byCourse[l.CourseId].Code, byCourse[l.CourseId].Title, l.Id, l.SourceLessonId, l.Number,
                l.Title, flagged[l.Id])).ToList();
    }

    /// <summary>The changing documents one published lesson cites (for the learner's notice).</summary>
    /// Cached for ten minutes per lesson and day: lesson pages are read far more often than the law changes.
    public async Task<IReadOnlyList<CitedDocument>> ForLessonAsync(Guid versionLessonId, CancellationToken ct = default)
    {
        var key = $"courses:citation-flags:{versionLessonId}:{clock.Today():yyyyMMdd}";
        if (cache.TryGetValue(key, out IReadOnlyList<CitedDocument>? hit) && hit is not null) return hit;
        var keys = await db.Citations.AsNoTracking().Where(c => c.LessonId == versionLessonId).Select(c => c.ArticleKey).ToListAsync(ct);
        IReadOnlyList<CitedDocument> documents = (await ValidityAsync(keys, ct)).Values.Distinct().ToList();
        cache.Set(key, documents, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10) });
        return documents;
    }

    /// <summary>The changing documents among resolved citations (the editor's draft, as rendered for the author).</summary>
    public async Task<IReadOnlyList<CitedDocument>> ForKeysAsync(IReadOnlyCollection<string> articleKeys, CancellationToken ct = default) =>
        (await ValidityAsync(articleKeys, ct)).Values.Distinct().ToList();

    /// <summary>Only the citations that are not simply in force.</summary>
    private async Task<Dictionary<string, CitedDocument>> ValidityAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        if (keys.Count == 0 || services.GetService<ICitationValidity>() is not { } validity) return [];
        var all = await validity.ValidityAsync(keys, clock.Today(), LookAheadDays, ct);
        return all.Where(kv => kv.Value.Validity != CitationValidity.InForce).ToDictionary(kv => kv.Key, kv => kv.Value);
    }
}
