using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Training.Abstractions.Certificates;
using Training.Abstractions.Learning;
using Training.Abstractions.Security;
using Training.Organisation.Data;
using Training.Reporting.Data;
using Training.Reporting.Tests.Doubles;

namespace Training.Reporting.Tests;

/// <summary>A small organisation (a province with two Sở, each with schools), an HR user for each, a plan of the province (so
/// both Sở see it) with one certified-staff target
/// (≥ 80 % by 31/12/2025, 100 % by 31/12/2030), an in-memory ledger and learning activity, and a fake clock.</summary>
public sealed class World : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);

    private World(TrainingApp app) => App = app;

    public TrainingApp App { get; }
    public InMemoryLedger Ledger { get; } = new();
    public InMemoryLearning Learning { get; } = new();
    public InMemoryProgress Progress { get; } = new();
    public FakeTimeProvider Clock { get; } = new(Now);
    public OrgUnit Province { get; private set; } = null!;
    public OrgUnit SoA { get; private set; } = null!;
    public OrgUnit SchoolA1 { get; private set; } = null!;
    public OrgUnit SchoolA2 { get; private set; } = null!;
    public OrgUnit SoB { get; private set; } = null!;
    public OrgUnit SchoolB1 { get; private set; } = null!;
    public ProgrammeInfo Programme { get; private set; } = null!;

    /// <summary>The course of <see cref="Programme"/> (code KPL-01), as the in-memory learning activity resolves it.</summary>
    public Guid CourseId { get; } = Guid.NewGuid();
    public Plan Plan { get; private set; } = null!;
    public PlanTarget Target => Plan.Targets[0];
    public Dictionary<string, TrainingUser> Teachers { get; } = [];

    public static async Task<World> CreateAsync(IDictionary<string, string?>? settings = null, TestDatabase database = TestDatabase.Sqlite,
        Action<IServiceCollection>? services = null)
    {
        var world = new World(new TrainingApp(database: database, settings: settings));
        world.App.WithServices(s =>
        {
            s.AddSingleton<ICertificateLedger>(world.Ledger);
            s.AddSingleton<ICertificateHistory>(world.Ledger);
            s.AddSingleton<ILearningActivity>(world.Learning);
            s.AddSingleton<ILearnerProgress>(world.Progress);
            s.AddSingleton<TimeProvider>(world.Clock);
            services?.Invoke(s);
        });
        await world.SetUpAsync();
        return world;
    }

    private async Task SetUpAsync()
    {
        Province = await App.CreateUnitAsync("UBND tỉnh");
        SoA = await App.CreateUnitAsync("Sở A", Province);
        SchoolA1 = await App.CreateUnitAsync("Trường A1", SoA);
        SchoolA2 = await App.CreateUnitAsync("Trường A2", SoA);
        SoB = await App.CreateUnitAsync("Sở B", Province);
        SchoolB1 = await App.CreateUnitAsync("Trường B1", SoB);
        await App.CreateUserAsync("hra", BuiltInRoles.HR, SoA, scope: SoA, category: "chuyên viên");
        await App.CreateUserAsync("hrb", BuiltInRoles.HR, SoB, scope: SoB, category: "chuyên viên");
        await App.CreateUserAsync("admin1", BuiltInRoles.Administrator, SoA, category: "chuyên viên");
        foreach (var (name, unit) in new[] { ("gva1", SchoolA1), ("gva2", SchoolA1), ("gva3", SchoolA2), ("gva4", SchoolA2), ("gvb1", SchoolB1), ("gvb2", SchoolB1) })
            Teachers[name] = await App.CreateUserAsync(name, BuiltInRoles.Learner, unit, category: "giáo viên", fullName: $"Giáo viên {name.ToUpperInvariant()}");
        Programme = Ledger.AddProgramme("CT-KPL", "KPL-01");
        Learning.Courses["KPL-01"] = CourseId;
        Plan = new Plan
        {
            Id = Guid.NewGuid(), Number = "1/KH-TEST", Title = "Kế hoạch thử nghiệm", Issuer = "UBND tỉnh", FromYear = 2022, ToYear = 2030,
            UnitId = Province.Id,
            Targets =
            {
                new PlanTarget
                {
                    Id = Guid.NewGuid(), Ordinal = 1, Indicator = "Đến năm 2025 đạt 80% giáo viên được bồi dưỡng.", Kind = TargetKind.StaffCertified,
                    UnitId = Province.Id, Categories = "giáo viên", ProgrammeCodes = "CT-KPL",
                    Milestones =
                    {
                        new Milestone { Id = Guid.NewGuid(), DueOn = new(2025, 12, 31), Percent = 80 },
                        new Milestone { Id = Guid.NewGuid(), DueOn = new(2030, 12, 31), Percent = 100 },
                    },
                },
            },
        };
        await SavePlanAsync(Plan);
    }

    public async Task SavePlanAsync(Plan plan)
    {
        await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ReportingDbContext>();
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
        });
    }

    /// <summary>Brings Reporting's status tables in line with the roster and the in-memory ledger, as the first start
    /// does (the double publishes no events; the people are created straight in the database).</summary>
    public Task<int> SyncAsync() => App.WithScopeAsync(sp => sp.GetRequiredService<Training.Reporting.Status.PersonStatusBackfill>().RebuildAsync());

    public void Dispose() => App.Dispose();
}
