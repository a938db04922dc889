using System.Text;
using Microsoft.EntityFrameworkCore;
using Training.Reporting.Coverage;
using Training.Reporting.Data;

namespace Training.Reporting.Status;

/// <summary>Reads a target's <see cref="CoverageSnapshot"/> from the status tables: two grouped queries (population per
/// unit from <c>rpt_staff</c>, certified per unit and day from <c>rpt_person_status</c>) return one row per unit, and
/// the people holding several posts are read one by one. Nothing is cached: every dashboard reads the current rows.</summary>
public sealed class StatusCounts(ReportingDbContext db)
{
    /// <summary>Above this many units the unit filter is left out of the SQL (and applied when rolling up): a list that long
    /// costs more to send than the rows it saves.</summary>
    private const int MaxUnitParameters = 2_000;

    /// <param name="wholeTree">The units are every unit of the organisation: no unit filter is needed (the province's page).</param>
    public async Task<CoverageSnapshot> LoadAsync(IReadOnlySet<Guid> units, IReadOnlyList<string> categories, IReadOnlyList<Guid> programmes,
        IReadOnlyList<DateOnly> days, CancellationToken ct, bool wholeTree = false)
    {
        var snapshot = new CoverageSnapshot(days);
        if (units.Count == 0) return snapshot;
        var filterUnits = !wholeTree && units.Count <= MaxUnitParameters ? units.ToList() : null;
        var certified = programmes.Count == 0 ? [] : await CertifiedAsync(filterUnits, categories, programmes, days, ct);

        var staff = db.Staff.AsNoTracking().Where(s => s.Posts == 1);
        if (categories.Count > 0) staff = staff.Where(s => s.Category != null && categories.Contains(s.Category));
        if (filterUnits is not null) staff = staff.Where(s => filterUnits.Contains(s.UnitId));
        foreach (var row in await staff.GroupBy(s => s.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            snapshot.AddUnit(row.Key, row.Count, certified.GetValueOrDefault(row.Key));

        await AddSharedAsync(snapshot, filterUnits, categories, programmes, ct);
        return snapshot;
    }

    /// <summary>People holding several posts: their posts within the counted units and their rows, few enough to read whole
    /// (posts outside the counted units credit no counted unit).</summary>
    private async Task AddSharedAsync(CoverageSnapshot snapshot, List<Guid>? units, IReadOnlyList<string> categories, IReadOnlyList<Guid> programmes,
        CancellationToken ct)
    {
        var posts = db.Staff.AsNoTracking().Where(s => s.Posts > 1);
        if (categories.Count > 0) posts = posts.Where(s => s.Category != null && categories.Contains(s.Category));
        if (units is not null) posts = posts.Where(s => units.Contains(s.UnitId));
        var people = (await posts.Select(s => new { s.UserId, s.UnitId }).ToListAsync(ct)).GroupBy(s => s.UserId, StringComparer.Ordinal).ToList();
        if (people.Count == 0) return;
        var holders = posts.Select(s => s.UserId);
        var statuses = programmes.Count == 0 ? []
            : await db.PersonStatuses.AsNoTracking().Where(s => s.Posts > 1 && programmes.Contains(s.ProgrammeId) && holders.Contains(s.UserId)).ToListAsync(ct);
        var byUser = statuses.ToLookup(s => s.UserId, StringComparer.Ordinal);
        foreach (var person in people)
        {
            var rows = byUser[person.Key].ToList();
            snapshot.AddPerson(person.Select(p => p.UnitId).ToList(), snapshot.Days.Select(d => rows.Any(r => r.IsValidOn(d))).ToArray());
        }
    }

    // A person with one post has one unit on all their rows. SQLite groups by the person alone, which follows the key's
    // order (no sort); PostgreSQL has no max(uuid) and hashes the pair anyway.
    private string PerPerson() => db.Database.IsNpgsql() ? "\"UnitId\"" : "MAX(\"UnitId\") AS \"UnitId\"";

    private string PerPersonGroup() => db.Database.IsNpgsql() ? "\"UserId\", \"UnitId\"" : "\"UserId\"";

    /// <summary>Per unit, how many people with one post are certified on each day (any of the programmes counts, once).</summary>
    private async Task<Dictionary<Guid, int[]>> CertifiedAsync(List<Guid>? units, IReadOnlyList<string> categories, IReadOnlyList<Guid> programmes,
        IReadOnlyList<DateOnly> days, CancellationToken ct)
    {
        var sql = new CoverSql(db);
        var flags = days.Select(d =>
        {
            var p = sql.P(d);
            return $"CASE WHEN \"ValidFrom\" <= {p} AND (\"ValidUntil\" IS NULL OR \"ValidUntil\" >= {p}) AND (\"RevokedOn\" IS NULL OR \"RevokedOn\" > {p}) THEN 1 ELSE 0 END";
        }).ToList();
        var where = new StringBuilder($"\"Posts\" = 1 AND \"ProgrammeId\" IN ({sql.List(programmes)})");
        if (categories.Count > 0) where.Append($" AND \"Category\" IN ({sql.List(categories)})");
        if (units is not null) where.Append($" AND \"UnitId\" IN ({sql.List(units)})");
        // One programme: a person has one row, the flags are summed directly; several: a person counts once, so the
        // flags are first combined per person.
        var text = programmes.Count == 1
            ? $"SELECT \"UnitId\", {string.Join(", ", flags.Select(f => $"SUM({f})"))} FROM rpt_person_status WHERE {where} GROUP BY \"UnitId\""
            : $"SELECT \"UnitId\", {string.Join(", ", flags.Select((_, i) => $"SUM(c{i})"))} FROM (SELECT {PerPerson()}, " +
              $"{string.Join(", ", flags.Select((f, i) => $"MAX({f}) AS c{i}"))} FROM rpt_person_status WHERE {where} GROUP BY {PerPersonGroup()}) x GROUP BY \"UnitId\"";
        var result = new Dictionary<Guid, int[]>();
        await sql.ReadAsync(text, reader =>
        {
            if (reader.IsDBNull(0)) return;
            var counts = new int[days.Count];
            for (var i = 0; i < counts.Length; i++) counts[i] = Convert.ToInt32(reader.GetValue(i + 1));
            result[reader.GetFieldValue<Guid>(0)] = counts;
        }, ct);
        return result;
    }
}
