using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Abstractions.Organisation;
using Training.Reporting.Data;
using Training.Reporting.Planning;

namespace Training.Reporting.Pages.Hr.Plans;

/// <summary>Create or edit a plan (number, title, issuer, dates, period, phases, reporting unit), or delete it.</summary>
[Authorize(Policy = Permissions.ManagePlans)]
public sealed class PlanEditModel(PlanEditor editor, IUnitSearch units) : PageModel
{
    [BindProperty] public PlanForm Input { get; set; } = new();

    /// <summary>The unit picker's search box (<see cref="UnitPickerField.QueryName"/> of <c>Input.UnitId</c>).</summary>
    [BindProperty(Name = "Input.UnitId_q")] public string? UnitQuery { get; set; }

    public Guid? Id { get; private set; }
    public List<FieldError> Errors { get; private set; } = [];
    public UnitPickerField Picker { get; private set; } = null!;
    public bool MayLeaveUnitEmpty { get; private set; }
    public int TargetCount { get; private set; }

    private UnitScope _scope = UnitScope.Nothing;

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        var (plan, result) = await LoadAsync(id, ct);
        if (result is not null) return result;
        Input = plan is null ? new PlanForm { FromYear = editor.Today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) } : PlanForm.From(plan);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        var (plan, result) = await LoadAsync(id, ct);
        if (result is not null) return result;
        if (Request.IsUnitSearch()) return Page(); // the no-script unit search: show matches, save nothing
        (Errors, var savedId) = await editor.SavePlanAsync(plan, Input, _scope, ct);
        if (Errors.Count > 0) return Page();
        TempData["Message"] = "Đã lưu kế hoạch.";
        return Redirect($"/hr/plans/{savedId}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid? id, CancellationToken ct)
    {
        var (plan, result) = await LoadAsync(id, ct);
        if (result is not null) return result;
        if (plan is null) return NotFound();
        await editor.DeletePlanAsync(plan, ct);
        TempData["Message"] = "Đã xóa kế hoạch.";
        return Redirect("/hr/plans");
    }

    /// <summary>Loads the plan (when editing), the units the user may choose, and refuses plans outside their scope.</summary>
    private async Task<(Plan? Plan, IActionResult? Result)> LoadAsync(Guid? id, CancellationToken ct)
    {
        var scope = _scope = await editor.ScopeAsync(User, ct);
        MayLeaveUnitEmpty = scope.All;
        Id = id;
        if (id is null) return (null, null);
        var plan = await editor.LoadAsync(id.Value, ct);
        if (plan is null || !await editor.VisibleAsync(scope, plan, ct)) return (null, NotFound());
        if (!PlanEditor.Allows(scope, plan.UnitId)) return (null, Forbid());
        TargetCount = plan.Targets.Count;
        return (plan, null);
    }

    /// <summary>The unit picker is built once the handler has chosen to render the page (not for redirects).
    /// [NonHandler]: the name starts with "On", which Razor Pages would otherwise take for a handler.</summary>
    [NonHandler]
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Result is not PageResult) return;
        Picker = await units.PickerAsync(User, "Input.UnitId", "unitid", Input.UnitId, UnitQuery, Request.IsUnitSearch(),
            required: !MayLeaveUnitEmpty, ct: HttpContext.RequestAborted);
    }
}
