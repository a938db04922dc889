using Training.Platform.Time;
using Training.Abstractions.Events;
using Training.Platform.Outbox;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Security;
using Training.Abstractions.Text;
using Training.Courses.Data;
using Training.Courses.Markdown;
using Training.Platform.Text;

namespace Training.Courses.Services;

public sealed record PublishResult(CourseVersion? Version, IReadOnlyList<string> Errors, IReadOnlyList<CitationProblem> Warnings);

/// <summary>Draft editing and publication. Every method checks ownership first: a trainer edits only their own courses.</summary>
public sealed class AuthoringService(CoursesDbContext db, LessonRenderer renderer, CourseCatalog catalog, TimeProvider clock)
{
    public static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static bool CanEditAll(ClaimsPrincipal user) => user.HasClaim(PermissionClaim.Type, Permissions.EditAllCourses);

    /// <summary>The draft course with its sections, lessons and questions, or null when missing or not editable by the user.</summary>
    public async Task<Course?> GetEditableAsync(Guid courseId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var course = await db.Courses.Include(c => c.Owners).Include(c => c.Sections).ThenInclude(s => s.Lessons)
            .Include(c => c.Questions).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == courseId, ct);
        if (course is null || !CanEdit(course, user)) return null;
        course.Sections = course.Sections.OrderBy(s => s.Order).ToList();
        foreach (var s in course.Sections) s.Lessons = s.Lessons.OrderBy(l => l.Order).ToList();
        course.Questions = course.Questions.OrderBy(q => q.Order).ToList();
        return course;
    }

    public static bool CanEdit(Course course, ClaimsPrincipal user) =>
        user.HasClaim(PermissionClaim.Type, Permissions.Author)
        && (CanEditAll(user) || course.Owners.Any(o => o.UserId == UserId(user)));

    public async Task<List<Course>> ListAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var id = UserId(user);
        var q = db.Courses.AsNoTracking();
        if (!CanEditAll(user)) q = q.Where(c => c.Owners.Any(o => o.UserId == id));
        return (await q.ToListAsync(ct)).OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
    }

    public async Task<(Course? Course, string? Error)> CreateAsync(string ownerId, string code, string title, string category, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        code = errors.Text("Mã khóa học", code, TextLimits.Code, required: true).ToUpperInvariant();
        if (code.Length is > 0 and < 2 || code.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.')))
            errors.Add("Mã khóa học: từ 2 ký tự, chỉ gồm chữ cái không dấu, chữ số và các dấu - _ .");
        title = errors.Text("Tên khóa học", title, TextLimits.Name, required: true);
        category = errors.Text("Lĩnh vực", category, TextLimits.Name);
        if (errors.Count > 0) return (null, string.Join(" ", errors));
        if (await db.Courses.AnyAsync(c => c.Code == code, ct)) return (null, "Mã khóa học đã tồn tại.");
        var course = new Course
        {
            Id = Guid.NewGuid(), Code = code, Title = title, Category = category, UpdatedAt = clock.GetUtcNow(),
            Owners = [new CourseOwner { UserId = ownerId }],
        };
        db.Courses.Add(course);
        await db.SaveChangesAsync(ct);
        return (course, null);
    }

    public async Task SaveAsync(CancellationToken ct = default) => await db.SaveChangesAsync(ct);

    public Section AddSection(Course course, string title)
    {
        var section = new Section { Id = Guid.NewGuid(), CourseId = course.Id, Title = VietnameseText.Clean(title), Order = course.Sections.Count + 1 };
        course.Sections.Add(section);
        db.Sections.Add(section);
        Touch(course);
        return section;
    }

    public Lesson AddLesson(Course course, Section section, string title, string markdown)
    {
        var lesson = new Lesson
        {
            Id = Guid.NewGuid(), CourseId = course.Id, SectionId = section.Id, Title = VietnameseText.Clean(title),
            Markdown = NormaliseMarkdown(markdown), Order = section.Lessons.Count + 1, UpdatedAt = clock.GetUtcNow(),
        };
        section.Lessons.Add(lesson);
        db.Lessons.Add(lesson);
        Touch(course);
        return lesson;
    }

    public static string NormaliseMarkdown(string? markdown) =>
        (markdown ?? "").Normalize(System.Text.NormalizationForm.FormC).Replace("\r\n", "\n", StringComparison.Ordinal);

    public void Touch(Course course) => course.UpdatedAt = clock.GetUtcNow();

    /// <summary>Swap an item with its neighbour (direction -1 up, +1 down) and renumber.</summary>
    public static void Move<T>(List<T> items, T item, int direction, Action<T, int> setOrder)
    {
        var i = items.IndexOf(item);
        var j = i + direction;
        if (i < 0 || j < 0 || j >= items.Count) return;
        (items[i], items[j]) = (items[j], items[i]);
        for (var k = 0; k < items.Count; k++) setOrder(items[k], k + 1);
    }

    public void Remove(object entity) => db.Remove(entity);

    /// <summary>Validates the draft and snapshots it into a new immutable version.</summary>
    public async Task<PublishResult> PublishAsync(Course course, string userId, CancellationToken ct = default)
    {
        var errors = new List<string>();
        var lessons = course.Sections.OrderBy(s => s.Order).SelectMany(s => s.Lessons.OrderBy(l => l.Order).Select(l => (s, l))).ToList();
        if (lessons.Count == 0) errors.Add("Khóa học chưa có bài học nào.");
        if (course.Questions.Count == 0) errors.Add("Ngân hàng câu hỏi đang trống.");
        if (course.QuizQuestionCount < 1 || course.QuizQuestionCount > course.Questions.Count)
            errors.Add($"Số câu mỗi lượt ({course.QuizQuestionCount}) phải từ 1 đến số câu trong ngân hàng ({course.Questions.Count}).");
        if (course.PassingPercent is < 1 or > 100) errors.Add("Điểm đạt phải từ 1 đến 100 %.");
        foreach (var section in course.Sections.Where(x => x.QuizQuestionCount > 0))
        {
            var assigned = course.Questions.Count(q => q.SectionId == section.Id);
            if (section.QuizQuestionCount > assigned)
                errors.Add($"Phần «{section.Title}»: số câu của bài kiểm tra phần ({section.QuizQuestionCount}) lớn hơn số câu hỏi gán cho phần ({assigned}).");
            if (section.Lessons.Count == 0) errors.Add($"Phần «{section.Title}» có bài kiểm tra nhưng chưa có bài học.");
        }
        foreach (var q in course.Questions)
        {
            if (QuestionValidator.Validate(q.Kind, q.Options, q.Correct, q.Accepted, q.Tolerance) is { } e) errors.Add($"Câu {q.Order}: {e}");
        }
        // Rendered before anything is added, so a refused lesson leaves no half-built version in the unit of work.
        var rendered = new List<RenderedLesson>(lessons.Count);
        foreach (var (_, lesson) in lessons)
        {
            var r = await renderer.RenderAsync(lesson.Markdown, forAuthor: true, LessonRenderer.Hash(lesson.Markdown), ct, course.Id);
            if (r.Error is not null) errors.Add($"Bài «{lesson.Title}»: {r.Error}");
            errors.AddRange(r.MediaProblems.Select(m => $"Bài «{lesson.Title}», dòng {m.Line}: {m.Error}"));
            rendered.Add(r);
        }
        if (errors.Count > 0) return new PublishResult(null, errors, []);

        var now = clock.GetUtcNow();
        var version = new CourseVersion
        {
            Id = Guid.NewGuid(), CourseId = course.Id, Version = course.LatestVersion + 1, Code = course.Code, Title = course.Title,
            Summary = course.Summary, Category = course.Category, Audience = course.Audience, EstimatedHours = course.EstimatedHours,
            QuizQuestionCount = course.QuizQuestionCount, PassingPercent = course.PassingPercent, AttemptLimit = course.AttemptLimit,
            TimeLimitMinutes = course.TimeLimitMinutes, ReviewMode = course.ReviewMode, LessonCount = lessons.Count, QuestionCount = course.Questions.Count,
            PublishedAt = now, PublishedBy = userId,
        };
        db.Versions.Add(version);
        var warnings = new List<CitationProblem>();
        var number = 0;
        foreach (var ((section, lesson), result) in lessons.Zip(rendered))
        {
            var vl = new VersionLesson
            {
                Id = Guid.NewGuid(), VersionId = version.Id, CourseId = course.Id, SourceLessonId = lesson.Id, SectionOrder = section.Order,
                SectionTitle = section.Title, SectionQuizCount = section.QuizQuestionCount, Number = ++number, Title = lesson.Title, Markdown = lesson.Markdown,
                ContentHash = LessonRenderer.Hash(lesson.Markdown),
            };
            db.VersionLessons.Add(vl);
            warnings.AddRange(result.Problems);
            foreach (var key in result.ArticleKeys) db.Citations.Add(new LessonCitation { LessonId = vl.Id, ArticleKey = key, VersionId = version.Id });
        }
        var qn = 0;
        var sectionOrders = course.Sections.ToDictionary(x => x.Id, x => x.Order);
        foreach (var q in course.Questions.OrderBy(q => q.Order))
        {
            db.VersionQuestions.Add(new VersionQuestion
            {
                Id = Guid.NewGuid(), VersionId = version.Id, Number = ++qn, Kind = q.Kind, Text = q.Text, Options = [.. q.Options],
                Correct = [.. q.Correct], Explanation = q.Explanation, Citation = q.Citation, Accepted = [.. q.Accepted],
                Tolerance = q.Tolerance, FoldDiacritics = q.FoldDiacritics,
                SectionOrder = q.SectionId is { } sid ? sectionOrders.GetValueOrDefault(sid) : 0,
            });
        }
        course.LatestVersion = version.Version;
        course.PublishedVersionId = version.Id;
        course.Status = CourseStatus.Published;
        if (course.UpdateRequestedAt is not null)
        {
            // The requested update is published: holders of the programmes listing the course start a new cycle.
            db.Enqueue(new CourseRevised(Guid.NewGuid(), now.ToUniversalTime(), course.Id, course.Code, version.Version,
                course.RecertifyDueOn ?? clock.Today().AddDays(UpdateRequest.DefaultDueDays), course.UpdateRequestedBy ?? userId));
            UpdateRequest.Clear(course);
        }
        await db.SaveChangesAsync(ct);
        await catalog.InvalidateAsync(ct);
        return new PublishResult(version, [], warnings);
    }

    public async Task UnpublishAsync(Course course, CourseStatus status, CancellationToken ct = default)
    {
        course.Status = status;
        await db.SaveChangesAsync(ct);
        await catalog.InvalidateAsync(ct);
    }
}
