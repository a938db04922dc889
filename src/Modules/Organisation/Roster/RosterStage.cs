using System.Data.Common;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Training.Organisation.Data;
using static Training.Organisation.Roster.StagingTable;

namespace Training.Organisation.Roster;

/// <summary>The roster file's lines in a temporary table of the import's connection (issue 11): the file is parsed as
/// a stream and written here in batches of <see cref="BatchRows"/>, so the importer never holds the whole file, its
/// rows or the people they match. The checks across rows (duplicate staff codes and e-mails, two rows naming one
/// person) and the matching with the people in the database are SQL over this table, the common subset of SQLite and
/// PostgreSQL; the planner then reads it back in batches.</summary>
internal sealed class RosterStage(OrganisationDbContext db, ILookupNormalizer normalizer)
{
    /// <summary>Rows written and planned per batch: big enough that round trips are few, small enough that a batch's
    /// rows and people are a few MiB.</summary>
    /// Kept under the size at which a batch's lists and dictionaries would land on the large object heap, which only
    /// full collections reclaim (85,000 bytes: a dictionary of 2,000 people is about 60 KB).
    public const int BatchRows = 2_000;

    private const string Users = "\"AspNetUsers\"";

    private readonly StagingTable _table = Of<StagedLine>(db, "roster_stage_rows", "line",
        ("line", typeof(int), r => r.Line), ("valid", typeof(int), r => r.Row is null ? 0 : 1),
        ("code", typeof(string), r => r.StaffCode), ("code_key", typeof(string), r => r.CodeKey), ("name_key", typeof(string), r => r.NameKey),
        ("email", typeof(string), r => r.Email), ("email_key", typeof(string), r => r.EmailKey),
        ("full_name", typeof(string), r => r.Row?.FullName), ("unit", typeof(string), r => r.Row is { } row ? string.Join(RosterParser.UnitSeparator, row.UnitPath) : null),
        ("extra", typeof(string), r => r.Row is { ExtraUnitPaths.Count: > 0 } row ? string.Join(';', row.ExtraUnitPaths.Select(p => string.Join(RosterParser.UnitSeparator, p))) : null),
        ("position", typeof(string), r => r.Row?.Position), ("category", typeof(string), r => r.Row?.StaffCategory),
        ("by_code", typeof(string), _ => null), ("by_email", typeof(string), _ => null), ("name_taken", typeof(int), _ => 0));

    private string Name => Quote(_table.Name);

    public async Task CreateAsync(CancellationToken ct)
    {
        await _table.CreateAsync(ct);
        await _table.ExecuteAsync($"CREATE INDEX roster_stage_rows_code ON {Name} (code_key)", ct);
        await _table.ExecuteAsync($"CREATE INDEX roster_stage_rows_email ON {Name} (email_key)", ct);
    }

    public Task DropAsync() => _table.DropAsync(CancellationToken.None);

    /// <summary>Parses the file into the table. Returns the row-level errors and how many lines were staged; the file
    /// is read once, and at most one batch of lines is in memory.</summary>
    public async Task<(List<RosterError> Errors, int Lines)> FillAsync(Stream file, CancellationToken ct)
    {
        var errors = new List<RosterError>();
        var batch = new List<StagedLine>(BatchRows);
        var lines = 0;
        try
        {
            foreach (var line in RosterParser.Read(file, errors))
            {
                batch.Add(new StagedLine(line.Line, line.StaffCode, line.StaffCode?.ToUpperInvariant(),
                    line.StaffCode is null ? null : normalizer.NormalizeName(line.StaffCode), line.Email,
                    line.Email is null ? null : normalizer.NormalizeEmail(line.Email), line.Row));
                if (batch.Count < BatchRows) continue;
                await _table.FillAsync(batch, ct);
                lines += batch.Count;
                batch.Clear();
            }
        }
        catch (DecoderFallbackException)
        {
            return ([RosterParser.NotUtf8], 0);
        }
        await _table.FillAsync(batch, ct);
        return (errors, lines + batch.Count);
    }

    /// <summary>Every line repeating an earlier line's staff code or e-mail (compared as the planner matches them), with
    /// the first line named.</summary>
    public async Task<List<RosterError>> DuplicatesAsync(CancellationToken ct)
    {
        var errors = new List<RosterError>();
        foreach (var (key, shown, column, what) in new[] { ("code_key", "code", RosterColumns.StaffCode, "Mã cán bộ"), ("email_key", "email", RosterColumns.Email, "Email") })
        {
            await ReadAsync($"SELECT s.line, s.{shown}, f.first FROM {Name} s JOIN (SELECT {key}, MIN(line) AS first FROM {Name} " +
                $"WHERE {key} IS NOT NULL GROUP BY {key} HAVING COUNT(*) > 1) f ON f.{key} = s.{key} WHERE s.line > f.first ORDER BY s.line",
                r => errors.Add(new RosterError(r.GetInt32(0), column, $"{what} «{r.GetString(1)}» trùng với dòng {r.GetInt32(2)}.")), ct);
        }
        return errors;
    }

    /// <summary>Who each line names in the database: the person with its staff code (case ignored), the person with
    /// its e-mail, and whether an account already signs in with its staff code. Three set-based UPDATEs, each an index
    /// lookup per row (the staging table's on the code, Identity's on the e-mail and the user name).</summary>
    public async Task MatchAsync(CancellationToken ct)
    {
        // PostgreSQL never analyses temporary tables on its own: without row counts its planner may nest loops over
        // 100,000 staged rows. SQLite plans these joins from the indexes alone.
        if (!db.Database.IsSqlite()) await _table.ExecuteAsync($"ANALYZE {Name}", ct);
        await _table.ExecuteAsync($"UPDATE {Name} SET by_code = m.id FROM (SELECT s.line, MIN(u.\"Id\") AS id FROM {Users} u " +
            $"JOIN {Name} s ON s.code_key = upper(u.\"StaffCode\") WHERE s.valid = 1 GROUP BY s.line) m WHERE {Name}.line = m.line", ct);
        await _table.ExecuteAsync($"UPDATE {Name} SET by_email = m.id FROM (SELECT s.line, MIN(u.\"Id\") AS id FROM {Name} s " +
            $"JOIN {Users} u ON u.\"NormalizedEmail\" = s.email_key WHERE s.valid = 1 GROUP BY s.line) m WHERE {Name}.line = m.line", ct);
        await _table.ExecuteAsync($"UPDATE {Name} SET name_taken = 1 WHERE valid = 1 AND EXISTS (SELECT 1 FROM {Users} u " +
            $"WHERE u.\"NormalizedUserName\" = {Name}.name_key)", ct);
    }

    /// <summary>Lines after the first that name the same existing person (by staff code, else by e-mail).</summary>
    public async Task<List<RosterError>> SamePersonAsync(CancellationToken ct)
    {
        var errors = new List<RosterError>();
        await ReadAsync($"SELECT s.line, f.first FROM {Name} s JOIN (SELECT COALESCE(by_code, by_email) AS person, MIN(line) AS first FROM {Name} " +
            "WHERE COALESCE(by_code, by_email) IS NOT NULL GROUP BY COALESCE(by_code, by_email) HAVING COUNT(*) > 1) f " +
            "ON f.person = COALESCE(s.by_code, s.by_email) WHERE s.line > f.first ORDER BY s.line",
            r => errors.Add(new RosterError(r.GetInt32(0), RosterColumns.StaffCode, $"Dòng này và dòng {r.GetInt32(1)} cùng chỉ một người (trùng mã cán bộ hoặc email).")), ct);
        return errors;
    }

    /// <summary>The next batch of valid lines after <paramref name="afterLine"/>, in file order, with their matches.</summary>
    public async Task<List<MatchedRow>> NextAsync(int afterLine, CancellationToken ct)
    {
        var rows = new List<MatchedRow>(BatchRows);
        await ReadAsync("SELECT line, code, full_name, email, unit, extra, position, category, by_code, by_email, name_taken " +
            $"FROM {Name} WHERE valid = 1 AND line > {afterLine} ORDER BY line LIMIT {BatchRows}", r =>
            {
                string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
                var extra = Text(5) is { } joined ? joined.Split(';').Select(Path).ToList() : [];
                var row = new RosterRow(r.GetInt32(0), r.GetString(1), r.GetString(2), Text(3), Path(r.GetString(4)), extra, Text(6), Text(7));
                rows.Add(new MatchedRow(row, Text(8), Text(9), Convert.ToInt32(r.GetValue(10)) == 1));
            }, ct);
        return rows;
    }

    /// <summary>SQL selecting the ids of the people named by the valid lines in (<paramref name="afterLine"/>,
    /// <paramref name="lastLine"/>].</summary>
    public string PeopleOf(int afterLine, int lastLine) =>
        $"SELECT by_code FROM {Name} WHERE line > {afterLine} AND line <= {lastLine} AND by_code IS NOT NULL " +
        $"UNION SELECT by_email FROM {Name} WHERE line > {afterLine} AND line <= {lastLine} AND by_email IS NOT NULL";

    private static IReadOnlyList<string> Path(string joined) => joined.Split(RosterParser.UnitSeparator);

    private async Task ReadAsync(string sql, Action<DbDataReader> each, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) each(reader);
    }

    private sealed record StagedLine(int Line, string? StaffCode, string? CodeKey, string? NameKey, string? Email, string? EmailKey, RosterRow? Row);
}

/// <summary>A valid line of the file and whom it names in the database: the person with its staff code, the person with
/// its e-mail (ids, or null), and whether its staff code is already another account's user name.</summary>
internal sealed record MatchedRow(RosterRow Row, string? ByCode, string? ByEmail, bool NameTaken);
