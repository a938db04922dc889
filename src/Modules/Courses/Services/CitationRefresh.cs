using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Events;
using Training.Courses.Data;
using Training.Courses.Markdown;

namespace Training.Courses.Services;

/// <summary>Resolves the citations of every published lesson again when the legal library changes. Citations are
/// recorded at publication; a lesson published while the library was still empty or importing (the demo courses are
/// seeded before the background corpus import ends) recorded none, so the library's article pages said no lesson cited
/// them. Rendering happens outside the transaction; the citation rows of the published versions are brought in line in
/// one short write (one SaveChanges). Idempotent: the rows always follow the current library.</summary>
internal sealed class CitationRefresh(CoursesDbContext db, LessonRenderer renderer) : IDomainEventHandler<LegalLibraryChanged>
{
    public async Task HandleAsync(LegalLibraryChanged domainEvent, CancellationToken ct)
    {
        var published = await db.Courses.AsNoTracking().Where(c => c.PublishedVersionId != null).Select(c => c.PublishedVersionId!.Value).ToListAsync(ct);
        var lessons = await db.VersionLessons.AsNoTracking().Where(l => published.Contains(l.VersionId))
            .Select(l => new { l.Id, l.VersionId, l.CourseId, l.Markdown, l.ContentHash }).ToListAsync(ct);
        var rows = new List<LessonCitation>();
        foreach (var l in lessons)
        {
            var rendered = await renderer.RefreshAsync(l.Markdown, l.ContentHash, ct, l.CourseId);
            rows.AddRange(rendered.ArticleKeys.Select(k => new LessonCitation { LessonId = l.Id, ArticleKey = k, VersionId = l.VersionId }));
        }
        var wanted = rows.ToDictionary(r => (r.LessonId, r.ArticleKey));
        var existing = await db.Citations.Where(c => published.Contains(c.VersionId)).ToListAsync(ct);
        db.Citations.RemoveRange(existing.Where(c => !wanted.Remove((c.LessonId, c.ArticleKey))).ToList());
        db.Citations.AddRange(wanted.Values);
        await db.SaveChangesAsync(ct);
    }
}
