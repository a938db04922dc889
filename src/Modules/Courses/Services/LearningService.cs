using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Events;
using Training.Courses.Data;
using Training.Courses.Domain;
using Training.Courses.Questions;
using Training.Platform.Outbox;

namespace Training.Courses.Services;

public enum SubmitOutcome
{
    Graded,
    NotFound,
    AlreadySubmitted,
    Late,
    Invalid,
    /// <summary>Nothing answered: refused, the attempt stays open.</summary>
    Empty,
}

public sealed record SubmitResult(SubmitOutcome Outcome, string? Message = null);

public sealed record StartResult(QuizAttempt? Attempt, string? Error);

/// <summary>Enrolment, progress, quiz attempts and completion for one learner.</summary>
public sealed class LearningService(CoursesDbContext db, CourseCatalog catalog, XapiRecorder xapi, TimeProvider clock)
{
    /// <summary>Grace after the deadline for the time the form takes to arrive.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(15);

    public Task<Enrolment?> GetCurrentAsync(string userId, Guid courseId, CancellationToken ct = default) =>
        db.Enrolments.Where(e => e.UserId == userId && e.CourseId == courseId && e.IsCurrent)
            .OrderByDescending(e => e.EnrolledAt).FirstOrDefaultAsync(ct);

    /// <summary>Enrols in the published version, or returns the current run. After a completion, <paramref name="retake"/>
    /// starts a new run and keeps the old one as history.</summary>
    public async Task<Enrolment> EnrolAsync(string userId, CatalogItem course, EnrolmentSource source, DateOnly? dueOn = null,
        bool retake = false, CancellationToken ct = default)
    {
        var current = await GetCurrentAsync(userId, course.CourseId, ct);
        if (current is not null && (current.CompletedAt is null || !retake))
        {
            if (dueOn is not null && (current.DueOn is null || dueOn < current.DueOn) && current.CompletedAt is null) current.DueOn = dueOn;
            await db.SaveChangesAsync(ct);
            return current;
        }
        if (current is not null) current.IsCurrent = false;
        var enrolment = new Enrolment
        {
            Id = Guid.NewGuid(), UserId = userId, CourseId = course.CourseId, VersionId = course.VersionId, Source = source,
            EnrolledAt = clock.GetUtcNow(), DueOn = dueOn, IsCurrent = true,
        };
        db.Enrolments.Add(enrolment);
        await xapi.RecordAsync(userId, XapiVerbs.Registered, "course", $"/courses/{course.Code}", course.Title, ct: ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (current is null && db.Database.CurrentTransaction is null)
        {
            // A concurrent enrolment (a double click, a bulk assignment) created the current run first: the unique
            // index on the current run refused this one, so forget it and its statement and take that run.
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList()) entry.State = EntityState.Detached;
            return await GetCurrentAsync(userId, course.CourseId, ct) ?? throw new InvalidOperationException("Enrolment vanished.");
        }
        return enrolment;
    }

    public async Task<HashSet<Guid>> GetDoneLessonsAsync(Guid enrolmentId, CancellationToken ct = default) =>
        (await db.Progress.Where(p => p.EnrolmentId == enrolmentId).Select(p => p.LessonId).ToListAsync(ct)).ToHashSet();

    public async Task RecordViewAsync(Enrolment enrolment, VersionLesson lesson, CancellationToken ct = default)
    {
        if (enrolment.LastLessonId == lesson.Id) return;
        enrolment.LastLessonId = lesson.Id;
        await xapi.RecordAsync(enrolment.UserId, XapiVerbs.Experienced, "lesson", $"/courses/lessons/{lesson.Id}", lesson.Title, ct: ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task MarkDoneAsync(Enrolment enrolment, VersionLesson lesson, CancellationToken ct = default)
    {
        if (lesson.VersionId != enrolment.VersionId) throw new InvalidOperationException("Lesson of another version.");
        if (await db.Progress.AnyAsync(p => p.EnrolmentId == enrolment.Id && p.LessonId == lesson.Id, ct)) return;
        db.Progress.Add(new LessonProgress { EnrolmentId = enrolment.Id, LessonId = lesson.Id, DoneAt = clock.GetUtcNow() });
        enrolment.LastLessonId = lesson.Id;
        await xapi.RecordAsync(enrolment.UserId, XapiVerbs.Completed, "lesson", $"/courses/lessons/{lesson.Id}", lesson.Title, completion: true, ct: ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await TryCompleteOnlineAsync(enrolment, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The attempts of one quiz of the run: <paramref name="section"/> 0 is the final quiz (the only one before
    /// section quizzes existed), otherwise the section's order.</summary>
    public Task<List<QuizAttempt>> GetAttemptsAsync(Guid enrolmentId, CancellationToken ct = default, int section = 0) =>
        db.Attempts.AsNoTracking().Where(a => a.EnrolmentId == enrolmentId && a.Section == section).OrderBy(a => a.Number).ToListAsync(ct);

    /// <summary>The sections of the run's version that have a quiz, with the best result so far in each.</summary>
    public async Task<List<SectionQuizStatus>> GetSectionQuizzesAsync(Enrolment? enrolment, Guid versionId, CancellationToken ct = default)
    {
        var sections = SectionQuiz.Of(await catalog.GetOutlineAsync(versionId, ct));
        if (sections.Count == 0) return [];
        var attempts = enrolment is null ? [] : await db.Attempts.AsNoTracking()
            .Where(a => a.EnrolmentId == enrolment.Id && a.Section > 0 && a.Status == AttemptStatus.Submitted)
            .Select(a => new { a.Section, a.Passed }).ToListAsync(ct);
        return sections.Select(s => new SectionQuizStatus(s, attempts.Count(a => a.Section == s.Order),
            attempts.Any(a => a.Section == s.Order && a.Passed == true))).ToList();
    }

    /// <summary>Starts (or continues) an attempt of the final quiz (<paramref name="section"/> 0) or of a section's quiz.
    /// Both take the course's pass mark, attempt limit and time limit; a section quiz draws its own question count from
    /// the questions assigned to it.</summary>
    public async Task<StartResult> StartAttemptAsync(Enrolment enrolment, Random random, CancellationToken ct = default, int section = 0)
    {
        var version = await catalog.GetVersionAsync(enrolment.VersionId, ct) ?? throw new InvalidOperationException("Version missing.");
        var quiz = section == 0 ? null : SectionQuiz.Of(await catalog.GetOutlineAsync(version.Id, ct)).FirstOrDefault(s => s.Order == section);
        if (section != 0 && quiz is null) return new StartResult(null, "Phần này không có bài kiểm tra.");
        var attempts = await GetAttemptsAsync(enrolment.Id, ct, section);
        var now = clock.GetUtcNow();
        var open = attempts.FirstOrDefault(a => a.Status == AttemptStatus.Open && (a.Deadline is null || a.Deadline + Grace >= now));
        if (open is not null) return new StartResult(open, null);
        if (enrolment.CompletedAt is not null) return new StartResult(null, "Bạn đã hoàn thành khóa học này.");
        if (attempts.Any(a => a.Passed == true)) return new StartResult(null, "Bạn đã đạt bài kiểm tra.");
        if (version.AttemptLimit > 0 && attempts.Count >= version.AttemptLimit)
            return new StartResult(null, $"Bạn đã dùng hết {version.AttemptLimit} lượt làm bài.");
        var bank = (await catalog.GetQuestionsAsync(version.Id, ct)).Values.Where(q => section == 0 || q.SectionOrder == section)
            .OrderBy(q => q.Number).ToList();
        if (bank.Count == 0) return new StartResult(null, "Khóa học chưa có câu hỏi kiểm tra.");
        var attempt = new QuizAttempt
        {
            Id = Guid.NewGuid(), EnrolmentId = enrolment.Id, UserId = enrolment.UserId, VersionId = version.Id, Section = section,
            Number = attempts.Count + 1, StartedAt = now,
            Deadline = version.TimeLimitMinutes is { } m and > 0 ? now.AddMinutes(m) : null,
            Drawn = QuizEngine.Draw(bank, quiz?.QuestionCount ?? version.QuizQuestionCount, random), Status = AttemptStatus.Open,
        };
        db.Attempts.Add(attempt);
        await xapi.RecordAsync(enrolment.UserId, XapiVerbs.Attempted, "assessment", SectionQuiz.Path(version.Code, section),
            SectionQuiz.Name(version.Title, quiz), ct: ct);
        await db.SaveChangesAsync(ct);
        return new StartResult(attempt, null);
    }

    /// <summary>Grades on the server. Exactly one submission of an attempt is counted: the status changes from
    /// Open to Submitted with a conditional UPDATE, so a concurrent second request updates no row. A submission with no
    /// answer is refused and the attempt stays open, unless the page's countdown sent it at zero (<paramref name="timeUp"/>)
    /// or the time is over: then whatever was answered is graded, as the time limit says.</summary>
    public async Task<SubmitResult> SubmitAsync(Guid attemptId, string userId, IReadOnlyDictionary<Guid, QuestionResponse> answers,
        CancellationToken ct = default, bool timeUp = false)
    {
        var attempt = await db.Attempts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attemptId && a.UserId == userId, ct);
        if (attempt is null) return new(SubmitOutcome.NotFound);
        if (attempt.Status != AttemptStatus.Open) return new(SubmitOutcome.AlreadySubmitted, "Bài làm này đã được nộp.");
        var now = clock.GetUtcNow();
        var version = await catalog.GetVersionAsync(attempt.VersionId, ct) ?? throw new InvalidOperationException("Version missing.");
        var late = attempt.Deadline is { } deadline && now > deadline + Grace;
        var bank = await catalog.GetQuestionsAsync(attempt.VersionId, ct);
        if (!late && QuizEngine.Validate(attempt.Drawn, bank, answers) is { } error) return new(SubmitOutcome.Invalid, error);
        if (!late && answers.Values.All(a => a.IsEmpty) && !(timeUp && attempt.Deadline is not null))
            return new(SubmitOutcome.Empty, "Bạn chưa trả lời câu nào nên bài chưa được nộp. Lượt làm bài này vẫn còn: hãy chọn đáp án rồi nộp bài.");

        var grade = late
            ? new GradeResult(attempt.Drawn.Select(d => new GivenAnswer(d.QuestionId, [], false)).ToList(), 0m, false)
            : QuizEngine.Grade(attempt.Drawn, bank, answers, version.PassingPercent);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var updated = await db.Attempts
            .Where(a => a.Id == attemptId && a.Status == AttemptStatus.Open)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Status, AttemptStatus.Submitted)
                .SetProperty(a => a.SubmittedAt, now)
                .SetProperty(a => a.Answers, grade.Answers)
                .SetProperty(a => a.ScorePercent, grade.ScorePercent)
                .SetProperty(a => a.Passed, grade.Passed), ct);
        if (updated != 1)
        {
            await tx.RollbackAsync(ct);
            return new(SubmitOutcome.AlreadySubmitted, "Bài làm này đã được nộp.");
        }
        var quiz = attempt.Section == 0 ? null
            : SectionQuiz.Of(await catalog.GetOutlineAsync(version.Id, ct)).FirstOrDefault(s => s.Order == attempt.Section);
        await xapi.RecordAsync(userId, grade.Passed ? XapiVerbs.Passed : XapiVerbs.Failed, "assessment", SectionQuiz.Path(version.Code, attempt.Section),
            SectionQuiz.Name(version.Title, quiz), grade.ScorePercent, grade.Passed, null, ct);
        await db.SaveChangesAsync(ct);
        if (grade.Passed)
        {
            var enrolment = await db.Enrolments.FirstAsync(e => e.Id == attempt.EnrolmentId, ct);
            await TryCompleteOnlineAsync(enrolment, ct);
        }
        await tx.CommitAsync(ct);
        return late ? new(SubmitOutcome.Late, "Đã quá thời gian làm bài: bài làm không được chấm.") : new(SubmitOutcome.Graded);
    }

    /// <summary>Completes the run when every lesson is done, the final quiz and every section quiz passed and, if the course requires it, the
    /// evaluation survey was answered. Call inside the caller's transaction.</summary>
    internal async Task TryCompleteOnlineAsync(Enrolment enrolment, CancellationToken ct)
    {
        if (enrolment.CompletedAt is not null) return;
        if (await Evaluation.EvaluationService.IsPendingAsync(db, enrolment.CourseId, enrolment.UserId, ct)) return;
        var outline = await catalog.GetOutlineAsync(enrolment.VersionId, ct);
        var done = await GetDoneLessonsAsync(enrolment.Id, ct);
        var passed = await db.Attempts.AsNoTracking()
            .Where(a => a.EnrolmentId == enrolment.Id && a.Passed == true)
            .Select(a => new { a.Id, a.Section, a.ScorePercent }).ToListAsync(ct);
        // The recorded score stays the final quiz's best, as before section quizzes existed.
        var top = passed.Where(a => a.Section == 0).OrderByDescending(a => a.ScorePercent).FirstOrDefault();
        var required = SectionQuiz.Of(outline).Select(s => s.Order).ToList();
        if (!CompletionRules.IsCompleteOnline(outline.Select(l => l.Id).ToList(), done, top is not null,
                required, passed.Where(a => a.Section > 0).Select(a => a.Section).ToHashSet())) return;
        await CompleteAsync(enrolment, top!.ScorePercent ?? 0, top.Id, null, ct);
    }

    /// <summary>Records the immutable completion and enqueues <see cref="CourseCompleted"/> in the same unit of work.</summary>
    internal async Task<Completion> CompleteAsync(Enrolment enrolment, decimal score, Guid? attemptId, Guid? classId, CancellationToken ct)
    {
        var version = await catalog.GetVersionAsync(enrolment.VersionId, ct) ?? throw new InvalidOperationException("Version missing.");
        var now = clock.GetUtcNow();
        var completion = new Completion
        {
            Id = Guid.NewGuid(), EnrolmentId = enrolment.Id, UserId = enrolment.UserId, CourseId = enrolment.CourseId,
            VersionId = version.Id, Version = version.Version, ScorePercent = score, CompletedAt = now, AttemptId = attemptId, ClassId = classId,
        };
        db.Completions.Add(completion);
        enrolment.CompletedAt = now;
        // The event id is the completion id, so a page can tell by key whether Certification has received it yet.
        db.Enqueue(new CourseCompleted(completion.Id, now, completion.Id, enrolment.UserId, enrolment.CourseId, version.Code, version.Title,
            version.Version, score, now, version.EstimatedHours));
        await xapi.RecordAsync(enrolment.UserId, XapiVerbs.Completed, "course", $"/courses/{version.Code}", version.Title, score, true, true, ct);
        await db.SaveChangesAsync(ct);
        return completion;
    }
}
