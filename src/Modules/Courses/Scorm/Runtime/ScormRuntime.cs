using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Training.Courses.Data;
using Training.Courses.Scorm.Data;
using Training.Courses.Services;

namespace Training.Courses.Scorm.Runtime;

public sealed record CommitResult(bool Ok, string? Error = null, bool LessonDone = false, bool NotFound = false);

/// <summary>Attempts and commits: which attempt a launch continues, what the runtime may change, when a SCO counts as
/// satisfied and when that completes the lesson (through <see cref="LearningService.MarkDoneAsync"/>, so the course's
/// completion rule is the one every lesson follows).</summary>
public sealed class ScormRuntime(CoursesDbContext db, LearningService learning, CourseCatalog catalog, TimeProvider clock)
{
    private static readonly string[] SessionOnly = ["cmi.core.session_time", "cmi.session_time", "cmi.core.exit", "cmi.exit", "adl.nav.request"];

    public Task<ScormPackage?> GetPackageAsync(Guid id, CancellationToken ct = default) =>
        db.Set<ScormPackage>().AsNoTracking().Include(p => p.Items).FirstOrDefaultAsync(p => p.Id == id, ct);

    public Task<List<ScormAttempt>> GetAttemptsAsync(Guid enrolmentId, Guid lessonId, CancellationToken ct = default) =>
        db.Set<ScormAttempt>().AsNoTracking().Where(a => a.EnrolmentId == enrolmentId && a.LessonId == lessonId).ToListAsync(ct);

    /// <summary>Continues the latest attempt at the SCO unless it ended normally after being satisfied (or with an
    /// exit that ends the attempt); then a new one starts. An asset is satisfied by being launched.</summary>
    public async Task<ScormAttempt> LaunchAsync(Enrolment enrolment, VersionLesson lesson, ScormPackage package, ScormSco sco, CancellationToken ct = default)
    {
        var attempts = db.Set<ScormAttempt>();
        var last = await attempts.Where(a => a.EnrolmentId == enrolment.Id && a.LessonId == lesson.Id && a.ScoIdentifier == sco.Identifier)
            .OrderByDescending(a => a.Number).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow();
        var ended = last is { Finished: true } && (last.Exit is "normal" or "logout" or "time-out" || (last.Exit == "" && last.SatisfiedAt is not null));
        if (last is null || ended)
        {
            last = new ScormAttempt
            {
                Id = Guid.NewGuid(), EnrolmentId = enrolment.Id, UserId = enrolment.UserId, PackageId = package.Id, LessonId = lesson.Id,
                ScoIdentifier = sco.Identifier, Number = (last?.Number ?? 0) + 1, StartedAt = now, UpdatedAt = now,
            };
            attempts.Add(last);
        }
        else
        {
            last.Finished = false;
            last.SessionSeconds = 0;
        }
        if (!sco.IsSco && last.SatisfiedAt is null)
        {
            last.CompletionStatus = "completed";
            last.SatisfiedAt = now;
        }
        await db.SaveChangesAsync(ct);
        if (!sco.IsSco) await CompleteLessonIfDoneAsync(enrolment, lesson, package, ct);
        return last;
    }

    /// <summary>The read-only values the LMS supplies to the SCO.</summary>
    public static Dictionary<string, string> FixedValues(ScormVersion version, ScormAttempt attempt, ScormSco sco, string learnerName)
    {
        var resume = attempt.Values.Count > 0 ? "resume" : "ab-initio";
        if (version == ScormVersion.Scorm12)
            return new()
            {
                ["cmi.core.student_id"] = attempt.UserId, ["cmi.core.student_name"] = learnerName, ["cmi.core.entry"] = resume,
                ["cmi.core.total_time"] = ScormTime.ToTimespan12(attempt.TotalSeconds), ["cmi.launch_data"] = sco.LaunchData ?? "",
                ["cmi.student_data.mastery_score"] = sco.MasteryScore ?? "",
            };
        var values = new Dictionary<string, string>
        {
            ["cmi.learner_id"] = attempt.UserId, ["cmi.learner_name"] = learnerName, ["cmi.entry"] = resume,
            ["cmi.total_time"] = ScormTime.ToInterval(attempt.TotalSeconds), ["cmi.launch_data"] = sco.LaunchData ?? "",
        };
        if (decimal.TryParse(sco.MasteryScore, NumberStyles.Float, CultureInfo.InvariantCulture, out var mastery) && mastery is >= -1 and <= 1)
            values["cmi.scaled_passing_score"] = mastery.ToString(CultureInfo.InvariantCulture);
        return values;
    }

    /// <summary>Applies what the SCO set since its last commit. Every value goes through <see cref="CmiData.Set"/>;
    /// one refused value refuses the whole commit (nothing changes), since the in-frame runtime would not have sent it.</summary>
    public async Task<CommitResult> CommitAsync(Guid attemptId, string userId, IReadOnlyDictionary<string, string> changes, bool finish, CancellationToken ct = default)
    {
        var attempt = await db.Set<ScormAttempt>().FirstOrDefaultAsync(a => a.Id == attemptId && a.UserId == userId, ct);
        if (attempt is null) return new(false, NotFound: true);
        if (attempt.Finished) return new(false, "Phiên học này đã kết thúc; hãy mở lại bài học.");
        var package = await GetPackageAsync(attempt.PackageId, ct) ?? throw new InvalidOperationException("Package missing.");
        var values = new Dictionary<string, string>(attempt.Values);
        var data = new CmiData(package.Version, values);
        foreach (var (element, value) in changes)
        {
            var error = data.Set(element, value);
            if (error != 0) return new(false, $"Giá trị của {Short(element)} bị từ chối (mã lỗi {error}).");
        }
        var session = ScormTime.ParseSeconds(values.GetValueOrDefault(package.Version == ScormVersion.Scorm12 ? "cmi.core.session_time" : "cmi.session_time"));
        if (session is not null) attempt.SessionSeconds = session.Value;
        attempt.Exit = values.GetValueOrDefault(package.Version == ScormVersion.Scorm12 ? "cmi.core.exit" : "cmi.exit", attempt.Exit);
        foreach (var key in SessionOnly) values.Remove(key);
        Derive(attempt, package.Version, values);
        attempt.Values = values;
        attempt.UpdatedAt = clock.GetUtcNow();
        if (finish)
        {
            attempt.TotalSeconds += attempt.SessionSeconds;
            attempt.SessionSeconds = 0;
            attempt.Finished = true;
        }
        var newlySatisfied = attempt.SatisfiedAt is null && IsSatisfied(package.Version, attempt);
        if (newlySatisfied) attempt.SatisfiedAt = attempt.UpdatedAt;
        await db.SaveChangesAsync(ct);
        var done = false;
        if (attempt.SatisfiedAt is not null)
        {
            var enrolment = await db.Enrolments.FirstAsync(e => e.Id == attempt.EnrolmentId, ct);
            var lesson = await catalog.GetLessonAsync(attempt.LessonId, ct) ?? throw new InvalidOperationException("Lesson missing.");
            done = await CompleteLessonIfDoneAsync(enrolment, lesson, package, ct);
        }
        return new(true, LessonDone: done);
    }

    private static void Derive(ScormAttempt attempt, ScormVersion version, Dictionary<string, string> values)
    {
        if (version == ScormVersion.Scorm12)
        {
            attempt.CompletionStatus = values.GetValueOrDefault("cmi.core.lesson_status", "not attempted");
            attempt.SuccessStatus = attempt.CompletionStatus is "passed" or "failed" ? attempt.CompletionStatus : "unknown";
            attempt.ScoreRaw = Number(values, "cmi.core.score.raw");
            attempt.ScoreMin = Number(values, "cmi.core.score.min");
            attempt.ScoreMax = Number(values, "cmi.core.score.max");
            attempt.ScoreScaled = attempt.ScoreRaw is { } raw ? raw / 100m : null;
            return;
        }
        attempt.CompletionStatus = values.GetValueOrDefault("cmi.completion_status", "unknown");
        attempt.SuccessStatus = values.GetValueOrDefault("cmi.success_status", "unknown");
        attempt.ScoreRaw = Number(values, "cmi.score.raw");
        attempt.ScoreMin = Number(values, "cmi.score.min");
        attempt.ScoreMax = Number(values, "cmi.score.max");
        attempt.ScoreScaled = Number(values, "cmi.score.scaled");
    }

    /// <summary>1.2: passed or completed. 2004: passed, or completed and not failed.</summary>
    public static bool IsSatisfied(ScormVersion version, ScormAttempt a) => version == ScormVersion.Scorm12
        ? a.CompletionStatus is "passed" or "completed"
        : a.SuccessStatus == "passed" || (a.CompletionStatus == "completed" && a.SuccessStatus != "failed");

    /// <summary>Marks the lesson done once every item of the package has a satisfied attempt in this run.</summary>
    private async Task<bool> CompleteLessonIfDoneAsync(Enrolment enrolment, VersionLesson lesson, ScormPackage package, CancellationToken ct)
    {
        var satisfied = await db.Set<ScormAttempt>().Where(a => a.EnrolmentId == enrolment.Id && a.LessonId == lesson.Id && a.SatisfiedAt != null)
            .Select(a => a.ScoIdentifier).Distinct().ToListAsync(ct);
        if (!package.Items.All(i => satisfied.Contains(i.Identifier))) return false;
        if (lesson.VersionId != enrolment.VersionId) return false;
        await learning.MarkDoneAsync(enrolment, lesson, ct);
        return true;
    }

    private static decimal? Number(Dictionary<string, string> values, string key) =>
        values.TryGetValue(key, out var s) && decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    private static string Short(string s) => s.Length <= 80 ? s : s[..80] + "…";
}
