using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Certificates;
using Training.Abstractions.Learning;
using Training.Reporting.Data;

namespace Training.Reporting.Bench;

/// <summary>Bench-only ledger over the generated <c>bench_certificates</c> table (the Certification module is not on
/// this branch). Reads the whole history of the requested programmes, as the real contract promises.</summary>
internal sealed class BenchLedger(ReportingDbContext db) : ICertificateLedger
{
    public async Task<IReadOnlyList<ProgrammeInfo>> GetProgrammesAsync(CancellationToken ct = default)
    {
        var list = new List<ProgrammeInfo>();
        await using var command = await CommandAsync("SELECT id, code, course_id FROM bench_programmes", ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            list.Add(new ProgrammeInfo(Guid.Parse(reader.GetString(0)), reader.GetString(1), "Chương trình " + reader.GetString(1), [Guid.Parse(reader.GetString(2))], 24));
        return list;
    }

    public async Task<IReadOnlyList<CertificateFact>> GetFactsAsync(IReadOnlyCollection<Guid> programmeIds, CancellationToken ct = default)
    {
        var ids = string.Join(",", programmeIds.Select(p => $"'{p}'"));
        var list = new List<CertificateFact>(programmeIds.Count * 150_000);
        await using var command = await CommandAsync(
            $"SELECT id, user_id, programme_id, issued_on, expires_on, revoked_on, serial FROM bench_certificates WHERE programme_id IN ({ids})", ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(new CertificateFact(Guid.Parse(reader.GetString(0)), reader.GetString(1), Guid.Parse(reader.GetString(2)),
                DateOnly.FromDayNumber(reader.GetInt32(3)), reader.IsDBNull(4) ? null : DateOnly.FromDayNumber(reader.GetInt32(4)),
                reader.IsDBNull(5) ? null : DateOnly.FromDayNumber(reader.GetInt32(5)), null, reader.GetString(6), reader.GetString(6)));
        }
        return list;
    }

    private async Task<DbCommand> CommandAsync(string sql, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(ct);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}

/// <summary>Bench-only learning activity over the generated <c>bench_enrolments</c> table (1,000,000 rows).</summary>
internal sealed class BenchLearning(ReportingDbContext db) : ILearningActivity
{
    public async Task<IReadOnlySet<string>> GetLearnersInProgressAsync(IReadOnlyCollection<Guid> courseIds, CancellationToken ct = default)
    {
        var ids = string.Join(",", courseIds.Select(c => $"'{c}'"));
        var set = new HashSet<string>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT DISTINCT user_id FROM bench_enrolments WHERE status = 1 AND course_id IN ({ids})";
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) set.Add(reader.GetString(0));
        return set;
    }

    public Task<IReadOnlyList<CourseActivity>> GetCourseActivityAsync(DateOnly from, DateOnly to, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<CourseActivity>>([]);

    public Task<IReadOnlyList<OverdueAssignment>> GetOverdueAssignmentsAsync(DateOnly asOf, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<OverdueAssignment>>([]);
}
