using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Storage;
using Training.Courses.Media.Data;

namespace Training.Courses.Media;

/// <summary>The media library's files (<c>courses/media/&lt;course&gt;/&lt;id&gt;</c> and its captions): in use while an item names them.</summary>
internal sealed class MediaBlobOwner(MediaDbContext db) : IBlobOwner
{
    public string Prefix => "courses/media/";

    public async Task<IReadOnlySet<string>> InUseAsync(IReadOnlyCollection<string> keys, CancellationToken ct = default)
    {
        // The key names the course: read the items of those courses through the (course, slug) index.
        var courses = BlobKey.IdsAt(keys, 2);
        var items = await db.Items.AsNoTracking().Where(i => courses.Contains(i.CourseId))
            .Select(i => new { i.BlobKey, i.CaptionsBlobKey }).ToListAsync(ct);
        var wanted = keys.ToHashSet(StringComparer.Ordinal);
        return items.SelectMany(i => new[] { i.BlobKey, i.CaptionsBlobKey }).OfType<string>().Where(wanted.Contains).ToHashSet(StringComparer.Ordinal);
    }
}
