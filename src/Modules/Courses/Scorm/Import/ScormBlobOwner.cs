using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Storage;
using Training.Courses.Data;
using Training.Courses.Scorm.Data;

namespace Training.Courses.Scorm.Import;

/// <summary>The files of imported SCORM packages (<c>scorm/&lt;package&gt;/&lt;n&gt;</c>): in use while a package's file list names
/// them. An import that died before its one write leaves files no list names.</summary>
internal sealed class ScormBlobOwner(CoursesDbContext db) : IBlobOwner
{
    public string Prefix => "scorm/";

    public async Task<IReadOnlySet<string>> InUseAsync(IReadOnlyCollection<string> keys, CancellationToken ct = default)
    {
        // The key names the package: read those packages' file lists through the (package, path) key.
        var packages = BlobKey.IdsAt(keys, 1);
        var wanted = keys.ToHashSet(StringComparer.Ordinal);
        var named = await db.Set<ScormFile>().AsNoTracking().Where(f => packages.Contains(f.PackageId)).Select(f => f.BlobKey).ToListAsync(ct);
        return named.Where(wanted.Contains).ToHashSet(StringComparer.Ordinal);
    }
}
