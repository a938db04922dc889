using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Certificates;
using Training.Abstractions.Learning;
using Training.Abstractions.Organisation;
using Training.Reporting.Data;

namespace Training.Reporting.Coverage;

/// <summary>Loads what a target is about through the contracts. <see cref="LoadShapeAsync"/> gives the unit tree and the
/// programmes only (the dashboard counts people from the status tables); <see cref="LoadAsync"/> adds the population
/// and its certificate history for the pages that list people one by one. The ledger is optional: without the
/// Certification module the target shows "no certificate data".</summary>
public sealed class TargetDataLoader(IServiceProvider services, IOrgDirectory directory)
{
    private Task<IReadOnlyList<OrgUnitInfo>>? _units;

    /// <summary>The directory's units, read once per scope (a request): the plan's visibility and the target's shape both
    /// need them, and at 20,000 units each read costs tens of milliseconds.</summary>
    public Task<IReadOnlyList<OrgUnitInfo>> UnitsAsync(CancellationToken ct) => _units ??= directory.GetUnitsAsync(ct);

    /// <summary>The unit tree, the target's subtree and programmes, without people.</summary>
    public async Task<TargetData> LoadShapeAsync(PlanTarget target, CancellationToken ct)
    {
        var units = await UnitsAsync(ct);
        if (target.Kind == TargetKind.NotMeasured) return new TargetData { Target = target, State = DataState.NotMeasured, Units = units };
        if (target.UnitId is not { } root || units.All(u => u.Id != root))
            return new TargetData { Target = target, State = DataState.NoUnit, Units = units };
        var shell = new TargetData { Target = target, State = DataState.Ready, Units = units };
        var subtree = shell.SubtreeOf(root);
        if (services.GetService<ICertificateLedger>() is not { } ledger)
            return new TargetData { Target = target, State = DataState.NoLedger, Units = units, Subtree = subtree };
        var codes = target.ProgrammeCodeList;
        var programmes = (await ledger.GetProgrammesAsync(ct)).Where(p => codes.Contains(p.Code, StringComparer.OrdinalIgnoreCase)).ToList();
        var missing = codes.Where(c => programmes.All(p => !string.Equals(p.Code, c, StringComparison.OrdinalIgnoreCase))).ToList();
        return new TargetData { Target = target, State = DataState.Ready, Units = units, Subtree = subtree, Programmes = programmes, MissingProgrammes = missing };
    }

    /// <summary>The shape with the population, its certificate history and the programmes' courses.</summary>
    public async Task<TargetData> LoadAsync(PlanTarget target, CancellationToken ct)
    {
        var shape = await LoadShapeAsync(target, ct);
        if (shape.State is DataState.NotMeasured or DataState.NoUnit) return shape;
        var categories = target.CategoryList;
        var people = await directory.GetPeopleAsync(new PeopleQuery(target.UnitId, categories.Count > 0 ? categories : null), ct);
        if (shape.State == DataState.NoLedger) return shape.With(people, Array.Empty<CertificateFact>().ToLookup(f => f.UserId), []);
        var ledger = services.GetRequiredService<ICertificateLedger>();
        var facts = shape.Programmes.Count == 0 ? [] : await ledger.GetFactsAsync(shape.Programmes.Select(p => p.Id).ToList(), ct);
        // Programmes name their courses by code; Courses resolves the codes (a course nobody completed yet included).
        var courseCodes = shape.Programmes.SelectMany(p => p.CourseCodes).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var courseIds = services.GetService<ILearningActivity>() is { } learning && courseCodes.Count > 0
            ? await learning.GetCourseIdsAsync(courseCodes, ct)
            : [];
        return shape.With(people, facts.ToLookup(f => f.UserId, StringComparer.Ordinal), courseIds);
    }
}
