using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Abstractions.Certificates;
using Training.Abstractions.Organisation;
using Training.Reporting.Data;
using Training.Reporting.Planning;

namespace Training.Reporting.Pages.Hr.Plans;

/// <summary>Add or edit a target of a plan (indicator as written, population, counted programmes, milestones), or delete it.</summary>
[Authorize(Policy = Permissions.ManagePlans)]
public sealed class TargetEditModel(PlanEditor editor, IUnitSearch units) : PageModel
{
    [BindProperty] public TargetForm Input { get; set; } = new();

    /// <summary>The unit picker's search box (<see cref="UnitPickerField.QueryName"/> of <c>Input.UnitId</c>).</summary>
    [BindProperty(Name = "Input.UnitId_q")] public string? UnitQuery { get; set; }

    public Plan Plan { get; private set; } = null!;
    public Guid? Id { get; private set; }
    public List<FieldError> Errors { get; private set; } = [];
    public UnitPickerField Picker { get; private set; } = null!;
    public IReadOnlyList<ProgrammeInfo>? Programmes { get; private set; }
    public bool MayLeaveUnitEmpty { get; private set; }

    private UnitScope _scope = UnitScope.Nothing;

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    public async Task<IActionResult> OnGetAsync(Guid planId, Guid? id, CancellationToken ct)
    {
        var (target, result) = await LoadAsync(planId, id, ct);
        if (result is not null) return result;
        Input = (target is null
            ? new TargetForm { Ordinal = (Plan.Targets.Select(t => t.Ordinal).DefaultIfEmpty(0).Max() + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), UnitId = Plan.UnitId }
            : TargetForm.From(target)).WithEmptyRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid planId, Guid? id, CancellationToken ct)
    {
        var (target, result) = await LoadAsync(planId, id, ct);
        if (result is not null) return result;
        if (Request.IsUnitSearch())
        {
            // The no-script unit search: show matches, save nothing.
            Input.WithEmptyRows();
            return Page();
        }
        Errors = await editor.SaveTargetAsync(Plan, target, Input, _scope, ct);
        if (Errors.Count > 0)
        {
            Input.WithEmptyRows();
            return Page();
        }
        TempData["Message"] = "Đã lưu chỉ tiêu.";
        return Redirect($"/hr/plans/{Plan.Id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid planId, Guid? id, CancellationToken ct)
    {
        var (target, result) = await LoadAsync(planId, id, ct);
        if (result is not null) return result;
        if (target is null) return NotFound();
        await editor.DeleteTargetAsync(Plan, target, ct);
        TempData["Message"] = "Đã xóa chỉ tiêu.";
        return Redirect($"/hr/plans/{Plan.Id}");
    }

    /// <summary>Loads the plan and target, the choices, and refuses a plan or target outside the user's scope.</summary>
    private async Task<(PlanTarget? Target, IActionResult? Result)> LoadAsync(Guid planId, Guid? id, CancellationToken ct)
    {
        var scope = _scope = await editor.ScopeAsync(User, ct);
        var plan = await editor.LoadAsync(planId, ct);
        if (plan is null || !await editor.VisibleAsync(scope, plan, ct)) return (null, NotFound());
        if (!PlanEditor.Allows(scope, plan.UnitId)) return (null, Forbid());
        Plan = plan;
        Id = id;
        Programmes = await editor.ProgrammesAsync(ct);
        MayLeaveUnitEmpty = scope.All;
        if (id is null) return (null, null);
        var target = plan.Targets.FirstOrDefault(t => t.Id == id);
        if (target is null) return (null, NotFound());
        if (target.UnitId is not null && !scope.Contains(target.UnitId)) return (null, Forbid());
        return (target, null);
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
