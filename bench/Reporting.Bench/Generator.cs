using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Training.Organisation.Data;
using Training.Platform.Data;
using Training.Reporting.Data;
using Training.Testing;

namespace Training.Reporting.Bench;

/// <summary>Generates the bench organisation (units, staff, memberships through the Organisation model), one plan target
/// over the whole tree, and the bench-only certificate and enrolment tables.</summary>
internal sealed class Generator(TrainingApp app, int staff, int units, int enrolments, int certificates)
{
    private static readonly string[] Categories = ["giáo viên", "giáo viên", "giáo viên", "cán bộ làm công tác học sinh", "cán bộ quản lý", "chuyên viên", "nhân viên"];
    private readonly Random _random = new(2026);

    public Guid RootId { get; private set; }
    public Guid TargetId { get; private set; }
    public List<string> UserIds { get; } = [];

    public async Task RunAsync()
    {
        var unitIds = await UnitsAsync();
        await StaffAsync(unitIds);
        await PlanAsync();
        await BenchTablesAsync();
    }

    private async Task<List<Guid>> UnitsAsync()
    {
        return await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganisationDbContext>();
            var list = new List<OrgUnit>();
            OrgUnit Make(string name, OrgUnit? parent, string kind)
            {
                var id = Guid.NewGuid();
                var unit = new OrgUnit
                {
                    Id = id, ParentId = parent?.Id, Name = name, Code = "B" + (list.Count + 1).ToString("00000"), Kind = kind,
                    Path = (parent?.Path ?? "/") + id.ToString("N") + "/", Depth = (parent?.Depth ?? -1) + 1,
                };
                list.Add(unit);
                return unit;
            }
            var root = Make("UBND tỉnh (bench)", null, "Tỉnh");
            var districts = Enumerable.Range(1, 20).Select(i => Make($"Huyện {i:00}", root, "Huyện")).ToList();
            for (var i = list.Count; i < units; i++) Make($"Trường {i:0000}", districts[i % districts.Count], "Trường");
            db.Units.AddRange(list);
            await db.SaveChangesAsync();
            RootId = root.Id;
            return list.Where(u => u.Depth == 2).Select(u => u.Id).ToList();
        });
    }

    private async Task StaffAsync(List<Guid> schools)
    {
        const int batch = 5000;
        for (var start = 0; start < staff; start += batch)
        {
            await app.WithScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<OrganisationDbContext>();
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                for (var i = start; i < Math.Min(staff, start + batch); i++)
                {
                    var id = Guid.NewGuid().ToString();
                    var unit = schools[_random.Next(schools.Count)];
                    var code = $"BS{i:000000}";
                    db.Users.Add(new TrainingUser
                    {
                        Id = id, UserName = code, NormalizedUserName = code, Email = $"{code.ToLowerInvariant()}@bench.local", NormalizedEmail = $"{code}@BENCH.LOCAL",
                        SecurityStamp = id, ConcurrencyStamp = id, FullName = $"Cán bộ {i:000000}", StaffCode = code,
                        StaffCategory = Categories[_random.Next(Categories.Length)], Position = "Giáo viên", PrimaryUnitId = unit, CreatedAt = DateTimeOffset.UtcNow,
                    });
                    db.Memberships.Add(new UnitMembership { UserId = id, UnitId = unit, IsPrimary = true });
                    if (_random.Next(20) == 0)
                    {
                        var second = schools[_random.Next(schools.Count)];
                        if (second != unit) db.Memberships.Add(new UnitMembership { UserId = id, UnitId = second });
                    }
                    UserIds.Add(id);
                }
                await db.SaveChangesAsync();
            });
        }
    }

    private async Task PlanAsync()
    {
        var target = new PlanTarget
        {
            Id = Guid.NewGuid(), Ordinal = 1, Indicator = "Đến năm 2025 đạt trên 80% và đến năm 2030 đạt 100% cán bộ được bồi dưỡng (bench).",
            Kind = TargetKind.StaffCertified, UnitId = RootId, Categories = "", ProgrammeCodes = "CT-KPL;CT-KNPH",
            Milestones = { new Milestone { Id = Guid.NewGuid(), DueOn = new(2025, 12, 31), Percent = 80, Strict = true }, new Milestone { Id = Guid.NewGuid(), DueOn = new(2030, 12, 31), Percent = 100 } },
        };
        TargetId = target.Id;
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ReportingDbContext>();
            db.Plans.Add(new Plan { Id = Guid.NewGuid(), Number = "1/KH-BENCH", Title = "Kế hoạch bench", Issuer = "UBND tỉnh (bench)", FromYear = 2022, ToYear = 2030, Targets = { target } });
            await db.SaveChangesAsync();
        });
    }

    private async Task BenchTablesAsync()
    {
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ReportingDbContext>();
            var postgres = db.Database.ProviderName!.Contains("Npgsql", StringComparison.Ordinal);
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await ExecAsync(connection, """
                CREATE TABLE bench_programmes (id text PRIMARY KEY, code text NOT NULL, course_id text NOT NULL);
                CREATE TABLE bench_certificates (id text PRIMARY KEY, user_id text NOT NULL, programme_id text NOT NULL, issued_on integer NOT NULL,
                    expires_on integer NULL, revoked_on integer NULL, serial text NOT NULL);
                CREATE INDEX ix_bench_certificates_programme ON bench_certificates (programme_id);
                CREATE TABLE bench_enrolments (user_id text NOT NULL, course_id text NOT NULL, status integer NOT NULL);
                CREATE INDEX ix_bench_enrolments_course ON bench_enrolments (course_id, status);
                """);
            var programmes = new[] { "CT-KPL", "CT-KNPH", "CT-QTUX" }.Select(c => (Id: Guid.NewGuid(), Code: c, Course: Guid.NewGuid())).ToList();
            foreach (var p in programmes) await ExecAsync(connection, $"INSERT INTO bench_programmes VALUES ('{p.Id}', '{p.Code}', '{p.Course}')");
            var courses = programmes.Select(p => p.Course).Concat(Enumerable.Range(0, 7).Select(_ => Guid.NewGuid())).ToList();
            var first = new DateOnly(2024, 1, 1).DayNumber;
            var span = new DateOnly(2026, 11, 20).DayNumber - first;
            IEnumerable<object?[]> Certificates()
            {
                for (var i = 0; i < certificates; i++)
                {
                    var issued = first + _random.Next(span);
                    yield return [Guid.NewGuid().ToString(), UserIds[_random.Next(UserIds.Count)], programmes[_random.Next(programmes.Count)].Id.ToString(),
                        issued, issued + 730, _random.Next(50) == 0 ? issued + _random.Next(1, 300) : null, $"CC-{i:0000000}"];
                }
            }
            IEnumerable<object?[]> Enrolments()
            {
                for (var i = 0; i < enrolments; i++) yield return [UserIds[_random.Next(UserIds.Count)], courses[_random.Next(courses.Count)].ToString(), _random.Next(3)];
            }
            if (postgres)
            {
                await CopyAsync((NpgsqlConnection)connection, "bench_certificates (id, user_id, programme_id, issued_on, expires_on, revoked_on, serial)", Certificates(),
                    [NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Text]);
                await CopyAsync((NpgsqlConnection)connection, "bench_enrolments (user_id, course_id, status)", Enrolments(), [NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Integer]);
                await ExecAsync(connection, "ANALYZE");
            }
            else
            {
                await InsertAsync(connection, "INSERT INTO bench_certificates VALUES ($a0, $a1, $a2, $a3, $a4, $a5, $a6)", 7, Certificates());
                await InsertAsync(connection, "INSERT INTO bench_enrolments VALUES ($a0, $a1, $a2)", 3, Enrolments());
                await ExecAsync(connection, "ANALYZE");
            }
        });
    }

    private static async Task ExecAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task InsertAsync(DbConnection connection, string sql, int columns, IEnumerable<object?[]> rows)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var parameters = Enumerable.Range(0, columns).Select(i =>
        {
            var p = command.CreateParameter();
            p.ParameterName = "$a" + i;
            command.Parameters.Add(p);
            return p;
        }).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < columns; i++) parameters[i].Value = row[i] ?? DBNull.Value;
            await command.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string target, IEnumerable<object?[]> rows, NpgsqlDbType[] types)
    {
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {target} FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await writer.StartRowAsync();
            for (var i = 0; i < types.Length; i++)
            {
                if (row[i] is null) await writer.WriteNullAsync();
                else await writer.WriteAsync(row[i], types[i]);
            }
        }
        await writer.CompleteAsync();
    }
}
