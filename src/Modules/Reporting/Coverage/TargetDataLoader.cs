using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Training.Abstractions.Certificates;
using Training.Abstractions.Learning;
using Training.Abstractions.Organisation;
using Training.Reporting.Data;

namespace Training.Reporting.Coverage;

/// <summary>Loads a target's population and certificate history through the contracts. The ledger is optional:
/// without the Certification module the target shows "no certificate data". The loaded data (the whole history, so
/// valid for any as-of date) is served from <see cref="TargetDataCache"/> when caching is on: every dashboard, drill-down,
/// filter and export reuses it instead of reloading 100,000 people.</summary>
public sealed class TargetDataLoader(IServiceProvider services, IOrgDirectory directory, IOptions<ReportingOptions> options)
{
    public Task<TargetData> LoadAsync(PlanTarget target, CancellationToken ct = default) =>
        options.Value.CacheSeconds > 0 ? services.GetRequiredService<TargetDataCache>().GetAsync(target, ct) : LoadFreshAsync(target, ct);

    /// <summary>Straight from the contracts, bypassing the cache.</summary>
    public async Task<TargetData> LoadFreshAsync(PlanTarget target, CancellationToken ct)
    {
        var units = await directory.GetUnitsAsync(ct);
        if (target.Kind == TargetKind.NotMeasured) return new TargetData { Target = target, State = DataState.NotMeasured, Units = units };
        if (target.UnitId is not { } root || units.All(u => u.Id != root))
            return new TargetData { Target = target, State = DataState.NoUnit, Units = units };

        var shell = new TargetData { Target = target, State = DataState.Ready, Units = units };
        var subtree = shell.SubtreeOf(root);
        var categories = target.CategoryList;
        // The population (Organisation) and the certificate history (Certification) come from different modules, each
        // through its own DbContext: load them side by side, the wait is the longer of the two instead of their sum.
        var peopleLoad = directory.GetPeopleAsync(new PeopleQuery(root, categories.Count > 0 ? categories : null), ct);
        var ledger = services.GetService<ICertificateLedger>();
        if (ledger is null)
            return new TargetData { Target = target, State = DataState.NoLedger, Units = units, Subtree = subtree, People = await peopleLoad };

        var codes = target.ProgrammeCodeList;
        var (programmes, facts) = await LoadFactsAsync(ledger, codes, ct);
        var people = await peopleLoad;
        var missing = codes.Where(c => programmes.All(p => !string.Equals(p.Code, c, StringComparison.OrdinalIgnoreCase))).ToList();
        var courseIds = programmes.SelectMany(p => p.CourseIds).ToHashSet();
        if (services.GetService<ILearningActivity>() is { } learning && programmes.SelectMany(p => p.CourseCodes).Distinct().ToList() is { Count: > 0 } courseCodes)
            courseIds.UnionWith(await learning.GetCourseIdsAsync(courseCodes, ct));
        return new TargetData
        {
            Target = target, State = DataState.Ready, Units = units, Subtree = subtree, People = people,
            Facts = facts, Programmes = programmes, CourseIds = [.. courseIds], MissingProgrammes = missing,
        };
    }

    private static async Task<(List<ProgrammeInfo>, ILookup<string, CertificateFact>)> LoadFactsAsync(ICertificateLedger ledger,
        IReadOnlyList<string> codes, CancellationToken ct)
    {
        var programmes = (await ledger.GetProgrammesAsync(ct)).Where(p => codes.Contains(p.Code, StringComparer.OrdinalIgnoreCase)).ToList();
        var facts = programmes.Count == 0 ? [] : await ledger.GetFactsAsync(programmes.Select(p => p.Id).ToList(), ct);
        return (programmes, facts.ToLookup(f => f.UserId, StringComparer.Ordinal));
    }
}
