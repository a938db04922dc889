using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Courses.Data;
using Training.Courses.Questions.Formats;
using Training.Courses.Services;
using Training.Platform.Exports;
using Training.Platform.Text;

namespace Training.Courses.Pages.Authoring;

/// <summary>The question bank: add, delete, reorder and import (CSV or JSON, all or nothing).</summary>
public sealed class QuestionsModel(AuthoringService authoring, CoursesDbContext db) : EditorPage(authoring, db)
{
    [BindProperty] public string? Kind { get; set; } = "single";
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Options { get; set; }
    [BindProperty] public string? Answers { get; set; }
    [BindProperty] public string? Explanation { get; set; }
    [BindProperty] public string? Citation { get; set; }
    [BindProperty] public string? Accepted { get; set; }
    [BindProperty] public string? Tolerance { get; set; }
    [BindProperty] public bool FoldDiacritics { get; set; }
    public List<ImportError> Errors { get; private set; } = [];
    public string? Message { get; private set; }
    private const int MaxFileBytes = 2_000_000;
    public const int PageSize = 50;
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;
    public int Pages => Math.Max(1, (Course.Questions.Count + PageSize - 1) / PageSize);
    /// <summary>The page of the bank on show (a bank can hold thousands of imported questions).</summary>
    public IEnumerable<Question> Shown => Course.Questions.Skip((Math.Clamp(P, 1, Pages) - 1) * PageSize).Take(PageSize);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadCourseAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken ct)
    {
        if (await LoadCourseAsync(id, ct) is { } refused) return refused;
        var row = new QuestionRow(Kind ?? "", Text ?? "", (Options ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            (Answers ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries).Select(a => int.TryParse(a, out var n) ? n : -1).ToList(), Explanation, Citation,
            (Accepted ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            QuestionCsv.ParseTolerance(Tolerance ?? ""), FoldDiacritics);
        var (question, errors) = QuestionImporter.ToQuestion(row);
        if (question is null) return Refuse(errors.Select(e => new ImportError(0, e)));
        Add([question]);
        await Authoring.SaveAsync(ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostImportAsync(Guid id, IFormFile? file, CancellationToken ct)
    {
        if (await LoadCourseAsync(id, ct) is { } refused) return refused;
        if (file is null || file.Length == 0 || file.Length > MaxFileBytes)
            return Refuse([new ImportError(0, "Chọn tệp CSV, JSON, XLSX, GIFT hoặc Aiken (tối đa 2 MB).")]);
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        var (questions, errors) = QuestionImporter.Parse(buffer.ToArray(), file.FileName);
        if (errors.Count > 0) return Refuse(errors);
        Add(questions);
        await Authoring.SaveAsync(ct);
        Message = $"Đã nhập {questions.Count} câu hỏi.";
        return Page();
    }

    /// <summary>The whole bank as GIFT, Aiken (single choice and true/false only) or XLSX. Kinds a format cannot
    /// express are left out and counted in a header (GIFT, Aiken) so the trainer knows.</summary>
    public async Task<IActionResult> OnGetExportAsync(Guid id, string? format, CancellationToken ct)
    {
        if (await LoadCourseAsync(id, ct) is { } refused) return refused;
        var questions = Course.Questions.OrderBy(q => q.Order).ToList();
        var name = VietnameseText.Slug(Course.Code);
        switch (format)
        {
            case "xlsx":
                TableExport.StartDownload(Response, TableExport.XlsxType, $"ngan-hang-{name}.xlsx");
                await TableExport.WriteXlsxAsync(Response.Body, "Câu hỏi", questions, XlsxBank.Columns, ct);
                return new EmptyResult();
            case "gift" or "aiken":
                var (text, skipped) = format == "gift" ? GiftWriter.Write(questions) : AikenFormat.Write(questions);
                var note = skipped == 0 ? "" : format == "gift"
                    ? $"// {skipped} câu loại sắp xếp thứ tự không có dạng GIFT nên không được xuất.\n\n"
                    : "";
                TableExport.StartDownload(Response, "text/plain; charset=utf-8", $"ngan-hang-{name}.{(format == "gift" ? "gift" : "txt")}");
                if (skipped > 0) Response.Headers["X-Skipped-Questions"] = skipped.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await using (var writer = new StreamWriter(Response.Body, new System.Text.UTF8Encoding(false), leaveOpen: true))
                {
                    await writer.WriteAsync(note.AsMemory(), ct);
                    await writer.WriteAsync(text.AsMemory(), ct);
                }
                return new EmptyResult();
            default:
                return BadRequest();
        }
    }

    private PageResult Refuse(IEnumerable<ImportError> errors)
    {
        Errors = errors.ToList();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, Guid questionId, CancellationToken ct)
    {
        if (await LoadCourseAsync(id, ct) is { } refused) return refused;
        var q = Course.Questions.FirstOrDefault(x => x.Id == questionId);
        if (q is not null)
        {
            Course.Questions.Remove(q);
            Authoring.Remove(q);
            for (var i = 0; i < Course.Questions.Count; i++) Course.Questions[i].Order = i + 1;
            Authoring.Touch(Course);
            await Authoring.SaveAsync(ct);
        }
        return RedirectToPage(new { p = P });
    }

    /// <summary>Assigns a question to a section's quiz, or back to the final quiz only (no section).</summary>
    public async Task<IActionResult> OnPostSectionAsync(Guid id, Guid questionId, Guid? sectionId, CancellationToken ct)
    {
        if (await LoadCourseAsync(id, ct) is { } refused) return refused;
        var q = Course.Questions.FirstOrDefault(x => x.Id == questionId);
        if (q is null || (sectionId is { } sid && Course.Sections.All(s => s.Id != sid))) return NotFound();
        q.SectionId = sectionId;
        Authoring.Touch(Course);
        await Authoring.SaveAsync(ct);
        return RedirectToPage(new { p = P });
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, Guid questionId, int direction, CancellationToken ct)
    {
        if (await LoadCourseAsync(id, ct) is { } refused) return refused;
        var q = Course.Questions.FirstOrDefault(x => x.Id == questionId);
        if (q is not null) AuthoringService.Move(Course.Questions, q, Math.Sign(direction), (x, o) => x.Order = o);
        await Authoring.SaveAsync(ct);
        return RedirectToPage(new { p = P });
    }

    private void Add(List<Question> questions)
    {
        foreach (var q in questions)
        {
            q.CourseId = Course.Id;
            q.Order = Course.Questions.Count + 1;
            Course.Questions.Add(q);
            Db.Questions.Add(q);
        }
        Authoring.Touch(Course);
    }
}
