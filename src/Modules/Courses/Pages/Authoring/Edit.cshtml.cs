using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Abstractions.Text;
using Training.Courses.Data;
using Training.Courses.Markdown;
using Training.Courses.Services;
using Training.Platform.Text;

namespace Training.Courses.Pages.Authoring;

/// <summary>Course settings, outline (sections and lessons, reorder), publication.</summary>
public sealed class EditModel(AuthoringService authoring, CoursesDbContext db, TimeProvider clock) : EditorPage(authoring, db)
{
    public sealed class Settings
    {
        public string Title { get; set; } = "";
        public string? Summary { get; set; }
        public string Category { get; set; } = "";
        public string? Audience { get; set; }
        public decimal EstimatedHours { get; set; }
        public int QuizQuestionCount { get; set; }
        public int PassingPercent { get; set; }
        public int AttemptLimit { get; set; }
        public int? TimeLimitMinutes { get; set; }
        public ReviewMode ReviewMode { get; set; }
    }

    [BindProperty] public Settings Form { get; set; } = new();
    public List<string> Errors { get; private set; } = [];
    public IReadOnlyList<CitationProblem> Warnings { get; private set; } = [];
    public string? Message { get; private set; }
    /// <summary>True when a refused form is shown again with what was typed.</summary>
    public bool ShowPosted { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadCourseAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken ct)
    {
        if (await LoadCourseAsync(id, ct) is { } refused) return refused;
        var f = Form;
        var errors = new FieldErrors();
        var title = errors.Text("Tên khóa học", f.Title, TextLimits.Name, required: true);
        var summary = errors.Text("Tóm tắt", f.Summary, TextLimits.Paragraph);
        var category = errors.Text("Lĩnh vực", f.Category, TextLimits.Name);
        var audience = string.Join("; ", (f.Audience ?? "").Split(';', ',').Select(VietnameseText.Clean).Where(a => a.Length > 0));
        if (audience.Length > TextLimits.Line) errors.Add(FieldErrors.TooLong("Đối tượng", audience.Length, TextLimits.Line));
        errors.Range("Số giờ", f.EstimatedHours, 0, 1000);
        errors.Range("Số câu mỗi lượt", f.QuizQuestionCount, 1, 500);
        errors.Range("Điểm đạt (%)", f.PassingPercent, 1, 100);
        errors.Range("Số lượt", f.AttemptLimit, 0, 100);
        errors.Range("Thời gian (phút)", f.TimeLimitMinutes ?? 0, 0, 1440);
        if (!Enum.IsDefined(f.ReviewMode)) errors.Add("Xem lại bài làm: lựa chọn không hợp lệ.");
        if (errors.Count > 0)
        {
            ShowPosted = true;
            return Refuse(errors);
        }
        Course.Title = title;
        Course.Summary = summary;
        Course.Category = category;
        Course.Audience = audience;
        Course.EstimatedHours = f.EstimatedHours;
        Course.QuizQuestionCount = f.QuizQuestionCount;
        Course.PassingPercent = f.PassingPercent;
        Course.AttemptLimit = f.AttemptLimit;
        Course.TimeLimitMinutes = f.TimeLimitMinutes is > 0 ? f.TimeLimitMinutes : null;
        Course.ReviewMode = f.ReviewMode;
        Authoring.Touch(Course);
        await Authoring.SaveAsync(ct);
        Message = "Đã lưu. Người học chỉ thấy thay đổi sau khi xuất bản phiên bản mới.";
        return Page();
    }

    public async Task<IActionResult> OnPostAddSectionAsync(Guid id, string? title, CancellationToken ct)
    {
        if (await LoadCourseAsync(id, ct) is { } refused) return refused;
        var errors = new FieldErrors();
        title = errors.Text("Tên phần", title, TextLimits.Line, required: true);
        if (errors.Count > 0) return Refuse(errors);
        Authoring.AddSection(Course, title);
        await Authoring.SaveAsync(ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAddLessonAsync(Guid id, Guid sectionId, string? title, CancellationToken ct)
    {
        if (await LoadCourseAsync(id, ct) is { } refused) return refused;
        var section = Course.Sections.FirstOrDefault(s => s.Id == sectionId);
        if (section is null) return NotFound();
        var errors = new FieldErrors();
        title = errors.Text("Tên bài học mới", title, TextLimits.Name, required: true);
        if (errors.Count > 0) return Refuse(errors);
        var lesson = Authoring.AddLesson(Course, section, title, "");
        await Authoring.SaveAsync(ct);
        return Redirect($"/authoring/{id}/lessons/{lesson.Id}");
    }

    public async Task<IActionResult> OnPostMoveSectionAsync(Guid id, Guid sectionId, int direction, CancellationToken ct)
    {
        if (await LoadCourseAsync(id, ct) is { } refused) return refused;
        var section = Course.Sections.FirstOrDefault(s => s.Id == sectionId);
        if (section is not null) AuthoringService.Move(Course.Sections, section, Math.Sign(direction), (s, o) => s.Order = o);
        Authoring.Touch(Course);
        await Authoring.SaveAsync(ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostMoveLessonAsync(Guid id, Guid lessonId, int direction, CancellationToken ct)
    {
        if (await LoadCourseAsync(id, ct) is { } refused) return refused;
        var section = Course.Sections.FirstOrDefault(s => s.Lessons.Any(l => l.Id == lessonId));
        if (section is not null) AuthoringService.Move(section.Lessons, section.Lessons.First(l => l.Id == lessonId), Math.Sign(direction), (l, o) => l.Order = o);
        Authoring.Touch(Course);
        await Authoring.SaveAsync(ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteLessonAsync(Guid id, Guid lessonId, CancellationToken ct)
    {
        if (await LoadCourseAsync(id, ct) is { } refused) return refused;
        var section = Course.Sections.FirstOrDefault(s => s.Lessons.Any(l => l.Id == lessonId));
        if (section is not null)
        {
            var lesson = section.Lessons.First(l => l.Id == lessonId);
            section.Lessons.Remove(lesson);
            Authoring.Remove(lesson);
            for (var i = 0; i < section.Lessons.Count; i++) section.Lessons[i].Order = i + 1;
        }
        Authoring.Touch(Course);
        await Authoring.SaveAsync(ct);
        return RedirectToPage();
    }

    /// <summary>Attaches a quiz to a section (questions drawn per attempt from those assigned to it), or removes it (0).</summary>
    public async Task<IActionResult> OnPostSectionQuizAsync(Guid id, Guid sectionId, int questionCount, CancellationToken ct)
    {
        if (await LoadCourseAsync(id, ct) is { } refused) return refused;
        var section = Course.Sections.FirstOrDefault(s => s.Id == sectionId);
        if (section is null) return NotFound();
        var errors = new FieldErrors();
        errors.Range($"Phần «{section.Title}»: số câu của bài kiểm tra phần", questionCount, 0, 500);
        if (errors.Count > 0) return Refuse(errors);
        section.QuizQuestionCount = questionCount;
        Authoring.Touch(Course);
        await Authoring.SaveAsync(ct);
        Message = questionCount == 0
            ? $"Phần «{section.Title}» không còn bài kiểm tra. Người học chỉ thấy thay đổi sau khi xuất bản phiên bản mới."
            : $"Phần «{section.Title}» có bài kiểm tra {questionCount} câu. Người học chỉ thấy thay đổi sau khi xuất bản phiên bản mới.";
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteSectionAsync(Guid id, Guid sectionId, CancellationToken ct)
    {
        if (await LoadCourseAsync(id, ct) is { } refused) return refused;
        var section = Course.Sections.FirstOrDefault(s => s.Id == sectionId);
        if (section is { Lessons.Count: 0 })
        {
            Course.Sections.Remove(section);
            Authoring.Remove(section);
            // Its questions go back to the final quiz only.
            foreach (var q in Course.Questions.Where(q => q.SectionId == section.Id)) q.SectionId = null;
            for (var i = 0; i < Course.Sections.Count; i++) Course.Sections[i].Order = i + 1;
            await Authoring.SaveAsync(ct);
        }
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct)
    {
        if (await LoadCourseAsync(id, ct) is { } refused) return refused;
        var result = await Authoring.PublishAsync(Course, AuthoringService.UserId(User)!, ct);
        Errors = [.. result.Errors];
        Warnings = result.Warnings;
        if (result.Version is not null) Message = $"Đã xuất bản phiên bản {result.Version.Version}.";
        return Page();
    }

    /// <summary>A programme administrator (who may edit every course) marks the course "cần cập nhật", or lifts the mark.</summary>
    public async Task<IActionResult> OnPostRequestUpdateAsync(Guid id, string? reason, DateOnly? dueOn, bool cancel, CancellationToken ct)
    {
        if (await LoadCourseAsync(id, ct) is { } refused) return refused;
        if (!AuthoringService.CanEditAll(User)) return Forbid();
        if (cancel) UpdateRequest.Clear(Course);
        else if (UpdateRequest.Mark(Course, AuthoringService.UserId(User)!, reason, dueOn, clock) is { } error) return Refuse(new FieldErrors { error });
        await Authoring.SaveAsync(ct);
        Message = cancel ? "Đã bỏ đánh dấu cần cập nhật." : "Đã đánh dấu khóa học cần cập nhật. Khi xuất bản lại, người đang giữ chứng chỉ sẽ được giao học lại.";
        return Page();
    }

    public async Task<IActionResult> OnPostUnpublishAsync(Guid id, bool archive, CancellationToken ct)
    {
        if (await LoadCourseAsync(id, ct) is { } refused) return refused;
        await Authoring.UnpublishAsync(Course, archive ? CourseStatus.Archived : CourseStatus.Draft, ct);
        Message = archive ? "Đã lưu trữ khóa học." : "Đã thôi xuất bản. Người đang học vẫn học tiếp phiên bản của mình.";
        return Page();
    }

    private PageResult Refuse(FieldErrors errors)
    {
        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public Settings Current => new()
    {
        Title = Course.Title, Summary = Course.Summary, Category = Course.Category, Audience = Course.Audience, EstimatedHours = Course.EstimatedHours,
        QuizQuestionCount = Course.QuizQuestionCount, PassingPercent = Course.PassingPercent, AttemptLimit = Course.AttemptLimit, TimeLimitMinutes = Course.TimeLimitMinutes,
        ReviewMode = Course.ReviewMode,
    };
}
