using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Certificates;
using Training.Abstractions.Organisation;
using Microsoft.Extensions.Options;
using Training.Reporting.Coverage;
using Training.Reporting.Data;
using Training.Platform.Time;

namespace Training.Reporting.Planning;

/// <summary>Creates, edits and deletes plans and their targets. An administrator edits every plan; an HR user edits
/// the plans whose reporting unit is in their subtree, and picks units only from it.</summary>
public sealed class PlanEditor(ReportingDbContext db, IServiceProvider services, TimeProvider clock)
{
    /// <summary>Today in Vietnam (UTC+7), as the dashboards count it.</summary>
    public DateOnly Today => clock.Today();

    public Task<UnitScope> ScopeAsync(ClaimsPrincipal user, CancellationToken ct) =>
        services.GetRequiredService<IUserScope>().GetScopeAsync(user, ct);

    /// <summary>Whether a plan (or target) attached to <paramref name="unitId"/> may be edited in this scope.
    /// Only administrators may attach one to no unit.</summary>
    public static bool Allows(UnitScope scope, Guid? unitId) => scope.All || (unitId is { } id && scope.Contains(id));

    /// <summary>Whether the plan is visible at all in this scope (<see cref="PlanVisibility"/>): an invisible plan answers 404,
    /// a visible one the user may not edit answers 403.</summary>
    public async Task<bool> VisibleAsync(UnitScope scope, Plan plan, CancellationToken ct) => scope.All
        || PlanVisibility.For(scope, await services.GetRequiredService<IOrgDirectory>().GetUnitsAsync(ct)).Shows(plan.UnitId);

    /// <summary>Programmes that can be counted; null when no certification module is installed.</summary>
    public async Task<IReadOnlyList<ProgrammeInfo>?> ProgrammesAsync(CancellationToken ct) =>
        services.GetService<ICertificateLedger>() is { } ledger ? await ledger.GetProgrammesAsync(ct) : null;

    public Task<Plan?> LoadAsync(Guid id, CancellationToken ct) =>
        db.Plans.Include(p => p.Phases).Include(p => p.Targets).ThenInclude(t => t.Milestones).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>Saves the plan; returns the errors (nothing saved) or the plan's id.</summary>
    public async Task<(List<FieldError> Errors, Guid Id)> SavePlanAsync(Plan? existing, PlanForm form, UnitScope scope, CancellationToken ct)
    {
        var plan = existing ?? new Plan { Id = Guid.NewGuid() };
        var errors = form.ApplyTo(plan, unit => Allows(scope, unit));
        if (errors.Count > 0) return (errors, plan.Id);
        if (existing is null) db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        return (errors, plan.Id);
    }

    public async Task<List<FieldError>> SaveTargetAsync(Plan plan, PlanTarget? existing, TargetForm form, UnitScope scope, CancellationToken ct)
    {
        var programmes = await ProgrammesAsync(ct);
        var target = existing ?? new PlanTarget(); // key generated on add
        var errors = form.ApplyTo(target, unit => Allows(scope, unit), programmes?.Select(p => p.Code).ToList(),
            ordinal => plan.Targets.Any(t => t.Id != target.Id && t.Ordinal == ordinal));
        if (errors.Count > 0) return errors;
        if (existing is null) plan.Targets.Add(target);
        // The dashboard's totals for the target's programmes, if no target had them, are built in the background.
        Status.CoverRequests.Enqueue(db, clock);
        await db.SaveChangesAsync(ct);
        return errors;
    }

    public async Task DeletePlanAsync(Plan plan, CancellationToken ct)
    {
        db.Plans.Remove(plan);
        // The cover sets only this plan's targets used are dropped in the background.
        Status.CoverRequests.Enqueue(db, clock);
        await db.SaveChangesAsync(ct);
    }

    public async Task DeleteTargetAsync(Plan plan, PlanTarget target, CancellationToken ct)
    {
        plan.Targets.Remove(target);
        db.Targets.Remove(target);
        Status.CoverRequests.Enqueue(db, clock);
        await db.SaveChangesAsync(ct);
    }
}
