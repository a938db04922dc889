using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Training.Reporting.Data;
using Training.Reporting.Status;

namespace Training.Reporting.Coverage;

/// <summary>A target's counts for one selected unit and its children, read from the cover totals (design:
/// docs/notes/issue-13-cover.md) instead of the status rows: three grouped queries whose size follows the number of
/// rows shown, not the number of people. Month ends come from the totals by their month keys; another day of month M is
/// the totals "settled" for the whole of M (<c>FromKey ≤ end(M−1)</c>, <c>ToKey ≥ end(M)</c>) plus the cover rows
/// starting in M or ending before its last day, counted exactly. Null when the target's programme set is not built or
/// the unit tree changed since the tables were built: the caller then counts from the status rows.</summary>
public sealed class CoverCounts(ReportingDbContext db)
{
    public async Task<CoverSnapshot?> LoadAsync(TargetData data, Guid selected, IReadOnlyList<string> categories, IReadOnlyList<DateOnly> days,
        DateOnly asOf, CancellationToken ct)
    {
        if (data.Programmes.Count == 0) return null;
        var key = CoverSets.KeyOf(data.Programmes.Select(p => p.Id));
        var set = await db.CoverSets.AsNoTracking().Where(s => s.ProgrammeKey == key && s.BuiltAt != null).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
        if (set is not { } setId) return null;
        var built = await db.CoverTrees.AsNoTracking().Where(t => t.Id == CoverTree.OnlyId).Select(t => t.Fingerprint).FirstOrDefaultAsync(ct);
        if (built is null || built != UnitTree.FingerprintOf(data.Units)) return null;

        var units = data.Units.Where(u => u.ParentId == selected).Select(u => u.Id).Prepend(selected).ToList();
        var result = new CoverSnapshot(days, selected, asOf);
        await PopulationAsync(result, units, categories, ct);
        await TotalsAsync(result, setId, units, categories, ct);
        await OwnTotalsAsync(result, setId, categories, ct);
        if (days.Any(d => !IsMonthEnd(d))) await CoverRowsAsync(result, setId, units, categories, ct);
        return result;
    }

    public static bool IsMonthEnd(DateOnly day) => day.AddDays(1).Day == 1;

    /// <summary>The month keys that count day <paramref name="day"/> from the totals: the day itself on a month end, the
    /// ends of the month before and of the day's month otherwise (the spans covering the whole month).</summary>
    private static (DateOnly From, DateOnly To) Keys(DateOnly day)
    {
        if (IsMonthEnd(day)) return (day, day);
        var first = new DateOnly(day.Year, day.Month, 1);
        return (first.AddDays(-1), first.AddMonths(1).AddDays(-1));
    }

    private async Task PopulationAsync(CoverSnapshot result, List<Guid> units, IReadOnlyList<string> categories, CancellationToken ct)
    {
        var sql = new CoverSql(db);
        var text = $"""
            SELECT "AncestorId", SUM("N"), SUM("Extra"), SUM("Shared"), SUM("Own") FROM rpt_cover_population
            WHERE "AncestorId" IN ({sql.List(units)}){Categories(sql, "\"Category\"", categories)} GROUP BY "AncestorId"
            """;
        await sql.ReadAsync(text, r => result.SetPopulation(r.GetFieldValue<Guid>(0), Int(r, 1), Int(r, 2), Int(r, 3), Int(r, 4)), ct);
    }

    /// <summary>Certified per unit and day from the totals (month ends whole; other days their settled part).</summary>
    private async Task TotalsAsync(CoverSnapshot result, int set, List<Guid> units, IReadOnlyList<string> categories, CancellationToken ct)
    {
        var sql = new CoverSql(db);
        var sums = result.Days.Select(d => Sum(sql, d, "\"N\"")).ToList();
        var text = $"""
            SELECT "AncestorId", {string.Join(", ", sums)} FROM rpt_cover_totals
            WHERE "SetId" = {sql.P(set)} AND "AncestorId" IN ({sql.List(units)}){Categories(sql, "\"Category\"", categories)}
              AND "ToKey" >= {sql.P(result.Days.Min(d => Keys(d).To))} AND "FromKey" <= {sql.P(result.Days.Max(d => Keys(d).From))}
            GROUP BY "AncestorId"
            """;
        await sql.ReadAsync(text, r => result.AddCertified(r.GetFieldValue<Guid>(0), Ints(r, 1, result.Days.Count)), ct);
    }

    /// <summary>The selected unit's direct row per day, and its extra rows on the report's day.</summary>
    private async Task OwnTotalsAsync(CoverSnapshot result, int set, IReadOnlyList<string> categories, CancellationToken ct)
    {
        var sql = new CoverSql(db);
        var sums = result.Days.Select(d => Sum(sql, d, "\"Own\"")).Append(Sum(sql, result.AsOf, "\"Extra\"")).ToList();
        var text = $"""
            SELECT {string.Join(", ", sums)} FROM rpt_cover_totals
            WHERE "SetId" = {sql.P(set)} AND "AncestorId" = {sql.P(result.Selected)}{Categories(sql, "\"Category\"", categories)}
            """;
        await sql.ReadAsync(text, r =>
        {
            var values = Ints(r, 0, result.Days.Count + 1);
            result.AddOwn(values[..^1], values[^1]);
        }, ct);
    }

    private static string Sum(CoverSql sql, DateOnly day, string column)
    {
        var (from, to) = Keys(day);
        return $"SUM(CASE WHEN \"FromKey\" <= {sql.P(from)} AND \"ToKey\" >= {sql.P(to)} THEN {column} ELSE 0 END)";
    }

    /// <summary>The cover rows of the months of the days that are not month ends, counted exactly on those days: one
    /// query per month (a row may start in one such month and end in another).</summary>
    private async Task CoverRowsAsync(CoverSnapshot result, int set, List<Guid> units, IReadOnlyList<string> categories, CancellationToken ct)
    {
        var days = result.Days.Select((d, i) => (Day: d, Index: i)).Where(x => !IsMonthEnd(x.Day)).ToList();
        foreach (var month in days.GroupBy(x => new DateOnly(x.Day.Year, x.Day.Month, 1)))
            await MonthRowsAsync(result, set, units, categories, month.Key, month.ToList(), ct);
    }

    /// <summary>The rows of the month starting <paramref name="first"/> that the totals do not hold as settled for the whole
    /// month: starting in it, or (disjointly) starting before it and ending before its last day. Two range reads of the
    /// covering indexes, joined to the closure of the shown units.</summary>
    private async Task MonthRowsAsync(CoverSnapshot result, int set, List<Guid> units, IReadOnlyList<string> categories, DateOnly first,
        List<(DateOnly Day, int Index)> days, CancellationToken ct)
    {
        var sql = new CoverSql(db);
        var (from, end) = (sql.P(first), sql.P(first.AddMonths(1).AddDays(-1)));
        string Valid(DateOnly d)
        {
            var p = sql.P(d);
            return $"c.\"ValidFrom\" <= {p} AND (c.\"ValidTo\" IS NULL OR c.\"ValidTo\" >= {p})";
        }
        var asOf = days.Any(x => x.Day == result.AsOf);
        var sums = days.Select(x => $"SUM(CASE WHEN {Valid(x.Day)} AND c.\"MinDepth\" <= k.\"AncestorDepth\" THEN 1 ELSE 0 END)")
            .Concat(days.Select(x => $"SUM(CASE WHEN {Valid(x.Day)} AND k.\"Own\" THEN 1 ELSE 0 END)"))
            .Append(asOf ? $"SUM(CASE WHEN {Valid(result.AsOf)} AND c.\"MinDepth\" = k.\"AncestorDepth\" + 1 THEN 1 ELSE 0 END)" : "0")
            .ToList();
        var set1 = sql.P(set);
        var category = Categories(sql, "\"Category\"", categories);
        var text = $"""
            SELECT k."AncestorId", {string.Join(", ", sums)}
            FROM (SELECT "UnitId", "MinDepth", "ValidFrom", "ValidTo" FROM rpt_cover
                  WHERE "SetId" = {set1} AND "ValidFrom" >= {from} AND "ValidFrom" <= {end}{category}
                  UNION ALL
                  SELECT "UnitId", "MinDepth", "ValidFrom", "ValidTo" FROM rpt_cover
                  WHERE "SetId" = {set1} AND "ValidTo" >= {from} AND "ValidTo" < {end} AND "ValidFrom" < {from}{category}) c
            JOIN rpt_unit_closure k ON k."UnitId" = c."UnitId"
            WHERE k."AncestorId" IN ({sql.List(units)})
            GROUP BY k."AncestorId"
            """;
        await sql.ReadAsync(text, r =>
        {
            var values = Ints(r, 1, 2 * days.Count + 1);
            var unit = r.GetFieldValue<Guid>(0);
            var certified = new int[result.Days.Count];
            var own = new int[result.Days.Count];
            for (var i = 0; i < days.Count; i++) (certified[days[i].Index], own[days[i].Index]) = (values[i], values[days.Count + i]);
            result.AddCertified(unit, certified);
            if (unit == result.Selected) result.AddOwn(own, values[^1]);
        }, ct);
    }

    private static string Categories(CoverSql sql, string column, IReadOnlyList<string> categories) =>
        categories.Count == 0 ? "" : $" AND {column} IN ({sql.List(categories)})";

    private static int Int(DbDataReader r, int i) => r.IsDBNull(i) ? 0 : Convert.ToInt32(r.GetValue(i));

    private static int[] Ints(DbDataReader r, int from, int count) => Enumerable.Range(from, count).Select(i => Int(r, i)).ToArray();
}
