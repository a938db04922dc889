using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Certification.Data;
using Training.Courses.Data;
using Training.Organisation.Data;
using Training.Reporting.Data;
using Training.Testing;

namespace Training.Reporting.Bench;

/// <summary>Generates the bench organisation (units, staff, memberships through the Organisation model), one plan target
/// over the whole tree, and the learning and certification history in the Courses and Certification modules' own tables.</summary>
internal sealed class Generator(TrainingApp app, int staff, int units, int enrolments, int certificates)
{
    private static readonly string[] Categories = ["giáo viên", "giáo viên", "giáo viên", "cán bộ làm công tác học sinh", "cán bộ quản lý", "chuyên viên", "nhân viên"];
    private readonly Random _random = new(2026);

    public Guid RootId { get; private set; }
    public Guid TargetId { get; private set; }
    public List<string> UserIds { get; } = [];
    private readonly List<Guid> _primaryUnits = [];

    public async Task RunAsync()
    {
        var unitIds = await UnitsAsync();
        await StaffAsync(unitIds);
        await PlanAsync();
        await ModulesAsync();
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
                    _primaryUnits.Add(unit);
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
            db.Plans.Add(new Plan { Id = Guid.NewGuid(), Number = "1/KH-BENCH", Title = "Kế hoạch bench", Issuer = "UBND tỉnh (bench)", FromYear = 2022, ToYear = 2030,
                UnitId = RootId, Targets = { target } }); // reported by the province: its departments see it too
            await db.SaveChangesAsync();
        });
    }

    /// <summary>Courses and enrolments in the Courses module's tables, programmes and certificates in the Certification
    /// module's tables, so the dashboard reads them through the real <c>ILearningActivity</c> and <c>ICertificateLedger</c>.</summary>
    private async Task ModulesAsync()
    {
        var clock = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        var courses = Enumerable.Range(1, 10).Select(i => new Course
        {
            Id = Guid.NewGuid(), Code = $"BENCH-{i:00}", Title = $"Khoá học bench {i:00}", Status = CourseStatus.Published, LatestVersion = 1, UpdatedAt = now,
        }).ToList();
        var versions = courses.Select(c => new CourseVersion { Id = Guid.NewGuid(), CourseId = c.Id, Version = 1, Code = c.Code, Title = c.Title, PublishedAt = now, PublishedBy = "bench" }).ToList();
        for (var i = 0; i < courses.Count; i++) courses[i].PublishedVersionId = versions[i].Id;
        var programmes = new[] { "CT-KPL", "CT-KNPH", "CT-QTUX" }.Select((code, i) => new Programme
        {
            Id = Guid.NewGuid(), Code = code, Name = "Chương trình " + code, CourseCodes = courses[i].Code, ValidityMonths = 24, MinScore = 80,
            IssuingUnitName = "UBND tỉnh (bench)", IssuingBody = "UBND tỉnh (bench)", IssuerCode = "BENCH", Place = "Bench",
        }).ToList();

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CoursesDbContext>();
            db.Courses.AddRange(courses);
            db.Versions.AddRange(versions);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            var first = new DateOnly(2024, 1, 1).ToDateTime(TimeOnly.MinValue);
            IEnumerable<Enrolment> Enrolments()
            {
                for (var i = 0; i < enrolments; i++)
                {
                    // Distinct (person, course) pairs: an enrolment is unique per person and course.
                    var course = (i / UserIds.Count) % courses.Count;
                    var enrolled = new DateTimeOffset(first.AddMinutes(_random.Next(1_500_000)), TimeSpan.Zero);
                    var state = _random.Next(3); // 0 in progress, 1 completed, 2 an earlier run replaced by a retake
                    yield return new Enrolment
                    {
                        Id = Guid.NewGuid(), UserId = UserIds[i % UserIds.Count], CourseId = courses[course].Id, VersionId = versions[course].Id,
                        Source = (EnrolmentSource)_random.Next(2), EnrolledAt = enrolled, CompletedAt = state == 1 ? enrolled.AddDays(_random.Next(1, 60)) : null,
                        IsCurrent = state != 2,
                    };
                }
            }
            var count = await BulkInsert.RunAsync(db, Enrolments());
            Console.WriteLine($"courses_enrolments: {count} rows in {clock.Elapsed.TotalSeconds:0.0} s");
        });

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CertificationDbContext>();
            db.Programmes.AddRange(programmes);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            var first = new DateOnly(2024, 1, 1).DayNumber;
            var span = new DateOnly(2026, 11, 20).DayNumber - first;
            var cycles = new Dictionary<(int, int), int>();
            IEnumerable<Certificate> Certificates()
            {
                for (var i = 0; i < certificates; i++)
                {
                    var person = _random.Next(UserIds.Count);
                    var programme = _random.Next(programmes.Count);
                    var cycle = cycles[(person, programme)] = cycles.GetValueOrDefault((person, programme)) + 1;
                    var issued = DateOnly.FromDayNumber(first + _random.Next(span));
                    var revoked = _random.Next(50) == 0 ? issued.AddDays(_random.Next(1, 300)) : (DateOnly?)null;
                    yield return new Certificate
                    {
                        Id = Guid.NewGuid(), ProgrammeId = programmes[programme].Id, UserId = UserIds[person], Cycle = cycle, Revision = 0,
                        SerialNumber = $"BENCH-{i + 1:0000000}", VerificationCode = $"{i + 1:0000000000000000}", StatusIndex = i,
                        HolderName = $"Cán bộ {person:000000}", HolderUnitId = _primaryUnits[person], HolderUnitName = "Trường (bench)",
                        ProgrammeName = programmes[programme].Name, IssuingUnitName = "UBND tỉnh (bench)", Result = "Đạt", ScorePercent = 90,
                        IssuedOn = issued, ExpiresOn = issued.AddMonths(24), RevokedOn = revoked, RevocationReason = revoked is null ? null : "bench",
                        Source = "seed", CreatedAt = new DateTimeOffset(issued.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                        // Marked as rendered so the module's PDF worker does not start drawing 300,000 certificates.
                        PdfFile = $"bench-{i}.pdf", PdfSha256 = new string('0', 64), PdfBytes = 1,
                    };
                }
            }
            var count = await BulkInsert.RunAsync(db, Certificates());
            Console.WriteLine($"cert_certificates: {count} rows in {clock.Elapsed.TotalSeconds:0.0} s");
        });

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CertificationDbContext>();
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        });
    }
}
