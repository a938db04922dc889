using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Training.Abstractions.Security;
using Training.Courses.Data;
using Training.Courses.Services;

namespace Training.Courses.Media;

/// <summary>Who may fetch a course's files: its authors (and those who edit every course) and the learners enrolled in
/// it. Anyone else, including learners of other courses, is refused. A yes is remembered for a minute per user and
/// course (a video is fetched in many range requests); a no is never remembered, so a new enrolment counts at once.</summary>
public sealed class MediaAccess(CoursesDbContext db, IMemoryCache cache)
{
    private static readonly TimeSpan Remember = TimeSpan.FromMinutes(1);

    public async Task<bool> CanViewAsync(ClaimsPrincipal user, Guid courseId, CancellationToken ct = default)
    {
        if (AuthoringService.UserId(user) is not { } uid) return false;
        if (AuthoringService.CanEditAll(user) && user.HasClaim(PermissionClaim.Type, Permissions.Author)) return true;
        var key = $"courses:media:access:{courseId:N}:{uid}";
        if (cache.TryGetValue(key, out bool _)) return true;
        var allowed =
            (user.HasClaim(PermissionClaim.Type, Permissions.Author) && await db.Owners.AnyAsync(o => o.CourseId == courseId && o.UserId == uid, ct))
            || (user.HasClaim(PermissionClaim.Type, Permissions.Learn) && await db.Enrolments.AnyAsync(e => e.CourseId == courseId && e.UserId == uid && e.IsCurrent, ct));
        if (allowed) cache.Set(key, true, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Remember, Size = 64 });
        return allowed;
    }
}
