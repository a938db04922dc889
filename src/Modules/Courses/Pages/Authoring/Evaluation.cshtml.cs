using Microsoft.AspNetCore.Mvc;
using Training.Abstractions.Organisation;
using Training.Abstractions.Text;
using Training.Courses.Data;
using Training.Courses.Evaluation;
using Training.Courses.Services;

namespace Training.Courses.Pages.Authoring;

/// <summary>The trainer's evaluation survey of a course: items, "required before the certificate", results, export.</summary>
public sealed class EvaluationModel(AuthoringService authoring, CoursesDbContext db, EvaluationService evaluation, EvaluationResults results,
    TimeProvider clock) : EditorPage(authoring, db)
{
    public EvaluationForm? Form { get; private set; }
    public EvaluationSummary Summary { get; private set; } = null!;
    public string? Error { get; private set; }
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAddAsync(Guid id, string? kind, string? text, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var errors = new FieldErrors();
        var clean = errors.Text("Nội dung", text, TextLimits.Line, required: true);
        if (Form!.Items.Count >= EvaluationService.MaxItems) errors.Add($"Phiếu có tối đa {EvaluationService.MaxItems} câu.");
        if (errors.Count > 0)
        {
            Error = string.Join(" ", errors);
            Response.StatusCode = 400;
            return Page();
        }
        var item = new EvaluationItem
        {
            Id = Guid.NewGuid(), CourseId = Course.Id, Order = Form.Items.Count + 1, Text = clean,
            Kind = kind == "text" ? EvaluationItemKind.FreeText : EvaluationItemKind.Likert,
        };
        Db.EvaluationItems.Add(item);
        Form.UpdatedAt = clock.GetUtcNow();
        await Db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    /// <summary>Items that already have answers are kept (their answers stay counted); only unanswered ones are deleted.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, Guid itemId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var item = Form!.Items.FirstOrDefault(i => i.Id == itemId);
        if (item is null) return RedirectToPage();
        if (Summary.Responses > 0)
        {
            Error = "Phiếu đã có người trả lời nên không xóa câu được (kết quả sẽ không còn so sánh được).";
            Response.StatusCode = 409;
            return Page();
        }
        Db.EvaluationItems.Remove(item);
        Form.Items.Remove(item);
        for (var i = 0; i < Form.Items.Count; i++) Form.Items[i].Order = i + 1;
        await Db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSettingsAsync(Guid id, bool required, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Form!.Required = required;
        Form.UpdatedAt = clock.GetUtcNow();
        await Db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnGetExportAsync(Guid id, string? format, CancellationToken ct)
    {
        if (await LoadCourseAsync(id, ct) is { } refused) return refused;
        return await EvaluationExport.WriteAsync(Response, results, Course.Id, Course.Code, UnitScope.Everything, format, ct)
            ? new EmptyResult()
            : BadRequest("Chưa đủ 5 phiếu trả lời để xuất kết quả.");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await LoadCourseAsync(id, ct) is { } refused) return refused;
        Form = await evaluation.GetFormAsync(Course.Id, ct);
        if (Form is null)
        {
            Form = new EvaluationForm { CourseId = Course.Id, UpdatedAt = clock.GetUtcNow() };
            Db.EvaluationForms.Add(Form);
        }
        // A trainer sees every answer of their own course (no unit scope), still only from five sheets up.
        Summary = await results.SummariseAsync(Course.Id, UnitScope.Everything, P, ct);
        return null;
    }
}
