using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Training.Abstractions.Certificates;
using Training.Abstractions.Learning;
using Training.Abstractions.Organisation;
using Training.Organisation.Data;
using Training.Reporting.Coverage;
using Training.Reporting.Data;
using Training.Reporting.Status;
using Training.Reporting.Tests.Doubles;

namespace Training.Reporting.Tests.Cover;

/// <summary>A random organisation for comparing the cover totals with the status rows: a tree of 3–4 levels, people with
/// one to three posts and three categories (a few inactive), certificates of two programmes with expiries (some inside
/// the current month), revocations and runs of recertification, and targets of one and two programmes with and without
/// category filters and with milestones on and off month ends. Written straight into the tables (fast), then the status
/// tables and cover tables are built by the module's backfill.</summary>
public sealed class CoverWorld : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly string?[] Categories = ["giáo viên", "nhân viên", null, "giáo viên"];

    private CoverWorld(TrainingApp app, int seed)
    {
        App = app;
        Random = new Random(seed);
    }

    public TrainingApp App { get; }
    public Random Random { get; }
    public InMemoryLedger Ledger { get; } = new();
    public FakeTimeProvider Clock { get; } = new(Now);
    public List<OrgUnit> Units { get; } = [];
    public List<string> People { get; } = [];
    public List<PlanTarget> Targets { get; } = [];
    public ProgrammeInfo P1 { get; private set; } = null!;
    public ProgrammeInfo P2 { get; private set; } = null!;

    public static async Task<CoverWorld> CreateAsync(TestDatabase database, int seed, int people = 120)
    {
        var world = new CoverWorld(new TrainingApp(database: database), seed);
        world.App.WithServices(s =>
        {
            s.AddSingleton<ICertificateLedger>(world.Ledger);
            s.AddSingleton<ICertificateHistory>(world.Ledger);
            s.AddSingleton<ILearningActivity>(new InMemoryLearning());
            s.AddSingleton<TimeProvider>(world.Clock);
        });
        await world.SetUpAsync(people);
        return world;
    }

    private async Task SetUpAsync(int people)
    {
        P1 = Ledger.AddProgramme("CT-A", "A-01");
        P2 = Ledger.AddProgramme("CT-B", "B-01");
        await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganisationDbContext>();
            var root = Unit(null, "Tỉnh");
            foreach (var i in Enumerable.Range(1, 3))
            {
                var child = Unit(root, $"Sở {i}");
                foreach (var j in Enumerable.Range(1, Random.Next(0, 4)))
                {
                    var school = Unit(child, $"Trường {i}.{j}");
                    foreach (var k in Enumerable.Range(1, Random.Next(0, 3))) Unit(school, $"Tổ {i}.{j}.{k}");
                }
            }
            db.Units.AddRange(Units);
            for (var n = 0; n < people; n++)
            {
                var posts = Random.NextDouble() switch { < 0.65 => 1, < 0.9 => 2, _ => 3 };
                var units = Enumerable.Range(0, posts).Select(_ => Units[Random.Next(Units.Count)].Id).Distinct().ToList();
                var user = new TrainingUser
                {
                    UserName = $"nv{n:000}", NormalizedUserName = $"NV{n:000}", FullName = $"Nhân viên {n}", StaffCode = $"NV{n:000}",
                    StaffCategory = Categories[Random.Next(Categories.Length)], PrimaryUnitId = units[0], IsActive = Random.NextDouble() > 0.05,
                    CreatedAt = Now,
                };
                db.Users.Add(user);
                foreach (var unit in units) db.Memberships.Add(new UnitMembership { UserId = user.Id, UnitId = unit, IsPrimary = unit == units[0] });
                People.Add(user.Id);
                foreach (var _ in Enumerable.Range(0, Random.Next(0, 4))) Certify(user.Id);
            }
            await db.SaveChangesAsync();
        });
        Target("CT-A", "", new(2026, 6, 15), new(2025, 12, 31));
        Target("CT-A;CT-B", "giáo viên", new(2026, 11, 10), new(2026, 3, 31));
        Target("CT-B;CT-A", "giáo viên;nhân viên", new(2025, 12, 20), new(2030, 12, 31));
        Target("CT-B", "nhân viên", new(2026, 11, 22), new(2026, 11, 30));
        await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ReportingDbContext>();
            db.Plans.Add(new Plan
            {
                Id = Guid.NewGuid(), Number = "1/KH", Title = "Kế hoạch", Issuer = "UBND tỉnh", FromYear = 2024, ToYear = 2030, UnitId = Units[0].Id,
                Targets = { Targets[0], Targets[1], Targets[2], Targets[3] },
            });
            await db.SaveChangesAsync();
        });
        await RebuildAsync();
    }

    private OrgUnit Unit(OrgUnit? parent, string name)
    {
        var id = Guid.NewGuid();
        var unit = new OrgUnit
        {
            Id = id, ParentId = parent?.Id, Name = name, Code = "T" + id.ToString("N")[..10], Kind = "Đơn vị",
            Path = (parent?.Path ?? "/") + id.ToString("N") + "/", Depth = (parent?.Depth ?? -1) + 1,
        };
        Units.Add(unit);
        return unit;
    }

    private void Target(string programmes, string categories, DateOnly first, DateOnly second) => Targets.Add(new PlanTarget
    {
        Id = Guid.NewGuid(), Ordinal = Targets.Count + 1, Indicator = "Chỉ tiêu " + programmes, Kind = TargetKind.StaffCertified,
        UnitId = Units[0].Id, Categories = categories, ProgrammeCodes = programmes,
        Milestones =
        {
            new Milestone { Id = Guid.NewGuid(), DueOn = first, Percent = 50 },
            new Milestone { Id = Guid.NewGuid(), DueOn = second, Percent = 80, Strict = true },
        },
    });

    /// <summary>A random certificate: issued in the last two and a half years (some this month), expiring 3 to 24 months
    /// later or never (some inside this month), some revoked.</summary>
    public CertificateFact Certify(string userId)
    {
        var issued = Random.NextDouble() < 0.1 ? Today.AddDays(-Random.Next(0, 21)) : Today.AddDays(-Random.Next(0, 900));
        DateOnly? expires = Random.NextDouble() switch
        {
            < 0.15 => null,
            < 0.3 => new DateOnly(2026, 11, Random.Next(1, 31)),
            _ => issued.AddMonths(Random.Next(3, 25)),
        };
        if (expires < issued) expires = issued.AddDays(Random.Next(0, 40));
        DateOnly? revoked = Random.NextDouble() < 0.12 ? issued.AddDays(Random.Next(0, 400)) : null;
        return Ledger.Issue(userId, Random.Next(2) == 0 ? P1 : P2, issued, expires, revoked);
    }

    public Task<int> RebuildAsync() => App.WithScopeAsync(sp => sp.GetRequiredService<PersonStatusBackfill>().RebuildAsync());

    public Task<int> RefreshAsync(IReadOnlyCollection<string> people) =>
        App.WithScopeAsync(sp => sp.GetRequiredService<StatusRefresher>().RefreshAsync(people, CancellationToken.None));

    /// <summary>The report through the dashboard's path, whether the cover totals answered it, and through the status rows.</summary>
    public Task<(string Cover, bool UsedTotals, string Status)> ReportsAsync(PlanTarget target, Guid? unit, UnitScope scope) => App.WithScopeAsync(async sp =>
    {
        var queries = sp.GetRequiredService<ReportingQueries>();
        var data = await sp.GetRequiredService<TargetDataLoader>().LoadShapeAsync(target, CancellationToken.None);
        var selected = unit ?? Units[0].Id;
        var totals = await sp.GetRequiredService<CoverCounts>().LoadAsync(data, selected, target.CategoryList, TargetReportBuilder.Days(target, Today),
            Today, CancellationToken.None);
        var viaDashboard = await queries.ReportAsync(target, scope, unit, Today);
        var viaStatus = await queries.FromStatusAsync(data, scope, unit, Today);
        return (Text(viaDashboard), totals is not null, Text(viaStatus));
    });

    /// <summary>Everything a dashboard prints of a report.</summary>
    public static string Text(TargetReport report)
    {
        static string Row(UnitRow r) => $"{r.Unit.Name} [{r.Kind}] {r.Now} children={r.HasChildren} " +
            string.Join(" ", r.Milestones.Select(m => $"{m.Milestone.DueOn}:{m.CoverageOnDue}/{m.Forecast}/{m.Status}"));
        var lines = new List<string> { report.Selected is { } s ? Row(s) : "(none)" };
        lines.AddRange(report.Trend.Select(p => p.ToString()));
        lines.AddRange(report.Children.Select(Row));
        lines.Add(report.Totals?.ToString() ?? "(no totals)");
        return string.Join("\n", lines);
    }

    /// <summary>The cover tables and the staff depths as sorted text (to compare event-kept tables with rebuilt ones).</summary>
    public Task<List<string>> TablesAsync() => App.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<ReportingDbContext>();
        var sets = await db.CoverSets.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.ProgrammeKey);
        var lines = (await db.Cover.AsNoTracking().ToListAsync()).Select(c => $"cover {sets[c.SetId]} {c.UserId} {c.UnitId} {c.Category} {c.MinDepth} {c.ValidFrom} {c.ValidTo} {c.FromKey} {c.ToKey}")
            .Concat((await db.CoverTotals.AsNoTracking().ToListAsync()).Select(t => $"total {sets[t.SetId]} {t.AncestorId} {t.Category} {t.FromKey} {t.ToKey} {t.N} {t.Extra} {t.Own}"))
            .Concat((await db.CoverPopulation.AsNoTracking().ToListAsync()).Select(p => $"population {p.AncestorId} {p.Category} {p.N} {p.Extra} {p.Shared} {p.Own}"))
            .Concat((await db.Staff.AsNoTracking().ToListAsync()).Select(s => $"staff {s.UserId} {s.UnitId} {s.Category} {s.Posts} {s.MinDepth} {s.Shares}"))
            .Concat((await db.UnitClosure.AsNoTracking().ToListAsync()).Select(k => $"closure {k.UnitId} {k.AncestorId} {k.AncestorDepth} {k.Own}"));
        return lines.Order(StringComparer.Ordinal).ToList();
    });

    public void Dispose() => App.Dispose();
}
