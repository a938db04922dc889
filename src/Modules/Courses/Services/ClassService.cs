using Microsoft.EntityFrameworkCore;
using Training.Courses.Data;
using Training.Courses.Domain;

namespace Training.Courses.Services;

/// <summary>In-person classes: registration, attendance and results. Attendance plus a pass completes the course
/// through the same completion path as the online quiz.</summary>
public sealed class ClassService(CoursesDbContext db, LearningService learning, CourseCatalog catalog, XapiRecorder xapi, TimeProvider clock)
{
    public async Task<string?> RegisterAsync(TrainingClass cls, string userId, string fullName, CancellationToken ct = default)
    {
        if (cls.AttendanceTakenAt is not null) return "Lớp đã kết thúc.";
        if (await db.Registrations.AnyAsync(r => r.ClassId == cls.Id && r.UserId == userId, ct)) return null;
        if (await db.Registrations.CountAsync(r => r.ClassId == cls.Id, ct) >= cls.Capacity) return "Lớp đã đủ số lượng.";
        db.Registrations.Add(new ClassRegistration { ClassId = cls.Id, UserId = userId, FullName = fullName, RegisteredAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Saves attendance and results; completes the course of each attendee who passed.</summary>
    public async Task<int> RecordAsync(TrainingClass cls, IReadOnlyDictionary<string, (bool Attended, decimal? Result)> marks, CancellationToken ct = default)
    {
        var course = (await catalog.GetPublishedAsync(ct)).FirstOrDefault(c => c.CourseId == cls.CourseId)
            ?? throw new InvalidOperationException("Khóa học chưa được xuất bản.");
        var registrations = await db.Registrations.Where(r => r.ClassId == cls.Id).ToListAsync(ct);
        var completed = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var r in registrations)
        {
            if (!marks.TryGetValue(r.UserId, out var m)) continue;
            var wasAttended = r.Attended;
            r.Attended = m.Attended;
            r.ResultPercent = m.Result is { } v ? Math.Clamp(v, 0, 100) : null;
            if (m.Attended && !wasAttended)
                await xapi.RecordAsync(r.UserId, XapiVerbs.Attended, "class", $"/courses/{course.Code}/classes/{cls.Id}", $"Lớp tập huấn: {course.Title}", ct: ct);
            if (!CompletionRules.IsCompleteInClass(r.Attended, r.ResultPercent, course.PassingPercent)) continue;
            var enrolment = await learning.EnrolAsync(r.UserId, course, EnrolmentSource.Class, ct: ct);
            if (enrolment.CompletedAt is not null) continue;
            await learning.CompleteAsync(enrolment, r.ResultPercent!.Value, null, cls.Id, ct);
            completed++;
        }
        cls.AttendanceTakenAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return completed;
    }
}
