using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Organisation;
using Training.Abstractions.Security;
using Training.Organisation.Audiences;
using Training.Organisation.Data;
using Training.Organisation.Roster;
using Training.Reporting.Api;
using Training.Testing;

namespace Training.Organisation.Bench;

/// <summary>Issue 11 targets: a roster sync of N staff with 5 % changed, through <c>POST /api/roster</c> (whose roster
/// listener re-evaluates the audiences for the changed people), followed by the evaluation of every audience for
/// everybody, while a learner writes every 20 ms. Eleven audiences: by category, by position, by school subtree, and
/// "joined within 30 days". Prints per run (and the median of the runs): total, sync (incl. listener), evaluation,
/// peak working set and managed heap sampled during sync + evaluation, the learner's writes and p99, then the ratios.</summary>
internal static class AudienceBench
{
    private const int Schools = 40;

    /// <summary>Figures of one run at one size.</summary>
    private sealed record Run(int Staff, double Initial, double Sync, double Evaluation, double Total, long PeakWs, long PeakHeap,
        long StartWs, long StartHeap, int Ok, int Failed, double P99, long SyncHeap = 0, long EvaluationHeap = 0, long EvaluationLive = 0, long IdleLive = 0);

    public static async Task<int> RunAsync(string[] args)
    {
        var provider = args.ElementAtOrDefault(0) ?? "sqlite";
        var sizes = (args.ElementAtOrDefault(1) ?? "20000,100000").Split(',').Select(int.Parse).ToArray();
        var repeats = int.TryParse(args.ElementAtOrDefault(2), out var r) ? r : 1;
        var database = provider == "postgres" ? TestDatabase.Postgres : TestDatabase.Sqlite;
        Console.WriteLine($"audience bench: {provider}, sizes {string.Join(",", sizes)}, {repeats} run(s) each, load average {LoadAverage()}");
        var medians = new Dictionary<int, Run>();
        var failed = 0;
        foreach (var size in sizes)
        {
            var runs = new List<Run>();
            for (var i = 0; i < repeats; i++)
            {
                var run = await RunOnceAsync(database, size);
                runs.Add(run);
                failed += run.Failed;
                Print(provider, run, "run");
            }
            var median = Median(runs);
            medians[size] = median;
            if (repeats > 1) Print(provider, median, "median");
        }
        if (sizes.Length >= 2)
        {
            var (small, large) = (medians[sizes[0]], medians[sizes[^1]]);
            Console.WriteLine($"{provider} ratio {large.Staff}/{small.Staff}: total {large.Total / small.Total:0.00} | evaluation {large.Evaluation / small.Evaluation:0.00} " +
                $"| initial evaluation {large.Initial / small.Initial:0.00} | sync {large.Sync / small.Sync:0.00} | peak working set {(double)large.PeakWs / small.PeakWs:0.00} " +
                $"| peak managed heap {(double)large.PeakHeap / small.PeakHeap:0.00} | in sync {(double)large.SyncHeap / small.SyncHeap:0.00} " +
                $"(growth over start {(double)Math.Max(1, large.SyncHeap - large.StartHeap) / Math.Max(1, small.SyncHeap - small.StartHeap):0.00}) " +
                $"| evaluation live growth {(double)Math.Max(1, large.EvaluationLive - large.IdleLive) / Math.Max(1, small.EvaluationLive - small.IdleLive):0.00} | load average {LoadAverage()}");
        }
        return failed == 0 ? 0 : 1;
    }

    private static void Print(string provider, Run x, string label) => Console.WriteLine(
        $"{provider} {label} staff {x.Staff} | total {x.Total:0.00} s | sync {x.Sync:0.00} s | evaluation {x.Evaluation:0.00} s " +
        $"| peak working set {x.PeakWs >> 20} MiB (from {x.StartWs >> 20}) | peak managed heap after GC {x.PeakHeap >> 20} MiB (from {x.StartHeap >> 20}) " +
        $"| learner writes {x.Ok} ok, {x.Failed} failed, p99 {x.P99:0} ms | initial evaluation {x.Initial:0.00} s " +
        $"| peak managed heap after GC in sync {x.SyncHeap >> 20} MiB (+{(x.SyncHeap - x.StartHeap) >> 20}), in evaluation {x.EvaluationHeap >> 20} MiB " +
        $"| live heap idle {x.IdleLive >> 20} MiB, evaluation peak {x.EvaluationLive >> 20} MiB (+{(x.EvaluationLive - x.IdleLive) >> 20})");

    /// <summary>Per figure, the median of the runs (the runs are few: the middle one, or the lower middle).</summary>
    private static Run Median(List<Run> runs)
    {
        double M(Func<Run, double> f) => runs.Select(f).Order().ElementAt((runs.Count - 1) / 2);
        return new Run(runs[0].Staff, M(x => x.Initial), M(x => x.Sync), M(x => x.Evaluation), M(x => x.Total), (long)M(x => x.PeakWs),
            (long)M(x => x.PeakHeap), (long)M(x => x.StartWs), (long)M(x => x.StartHeap), runs.Sum(x => x.Ok), runs.Sum(x => x.Failed), M(x => x.P99),
            (long)M(x => x.SyncHeap), (long)M(x => x.EvaluationHeap), (long)M(x => x.EvaluationLive), (long)M(x => x.IdleLive));
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static async Task<Run> RunOnceAsync(TestDatabase database, int size)
    {
        using var app = new TrainingApp(database: database, settings: new Dictionary<string, string?>
        {
            ["Roster:MaxFileBytes"] = (64L << 20).ToString(), ["Logging:LogLevel:Default"] = "Warning",
            // The importer's and the evaluator's own timing lines (parse, load, plan, stage, write; read, write).
            ["Logging:LogLevel:Training.Organisation.Roster.RosterImporter"] = "Information",
            ["Logging:LogLevel:Training.Organisation.Audiences.AudienceEvaluator"] = "Information",
        });
        var root = await app.CreateUnitAsync(RosterFile.Root);
        var schools = new List<OrgUnit>();
        for (var i = 0; i < Schools; i++) schools.Add(await app.CreateUnitAsync($"Trường THPT số {i}", root));
        await app.CreateUserAsync("learner", BuiltInRoles.Learner, schools[0]);
        var subtree = await app.WithScopeAsync(sp => sp.GetRequiredService<IOrgDirectory>().GetSubtreeAsync(root.Id));
        var authority = RosterAuthority.ForSubtree(new UnitScope(false, root.Id, subtree));
        var created = await app.WithScopeAsync(sp => sp.GetRequiredService<RosterImporter>().ImportAsync(new MemoryStream(Build(size, 1)), authority));
        if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Take(3)));
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganisationDbContext>();
            var now = DateTimeOffset.UtcNow;
            Audience A(string name, Guid unit, string[]? categories = null, string[]? positions = null, int? days = null) => new()
            {
                Id = Guid.NewGuid(), Name = name, UnitIds = [unit], Categories = [.. categories ?? []], Positions = [.. positions ?? []],
                JoinedWithinDays = days, StartsOn = new DateOnly(2026, 1, 1), CreatedAt = now, UpdatedAt = now,
            };
            db.Audiences.AddRange(A("Giáo viên", root.Id, ["giáo viên"]), A("Nhân viên", root.Id, ["nhân viên"]),
                A("Tổ trưởng", root.Id, positions: ["Tổ trưởng chuyên môn"]), A("Mới vào", root.Id, days: 30));
            for (var i = 0; i < 7; i++) db.Audiences.Add(A($"Trường {i}", schools[i].Id));
            await db.SaveChangesAsync();
        });
        var initial = await Evaluate(app);
        var (_, secret) = await app.WithScopeAsync(sp => sp.GetRequiredService<ApiKeyService>().CreateAsync("HRM", root.Id, root.Name, "bench"));
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Add("X-Api-Key", secret);
        api.Timeout = TimeSpan.FromMinutes(5);
        var edition = Build(size, 2);

        var learner = new LearnerWrites(app, "learner");
        using var stop = new CancellationTokenSource();
        await using var memory = new MemorySampler();
        var writes = Task.Run(() => learner.RunAsync(stop.Token));
        await Task.Delay(200);
        var watch = Stopwatch.StartNew();
        using var body = new ByteArrayContent(edition);
        body.Headers.ContentType = new("text/csv");
        var response = await api.PostAsync("/api/roster", body);
        var sync = watch.Elapsed;
        var syncHeap = memory.PeakManagedHeap;
        long evaluationHeap;
        (TimeSpan Elapsed, AudienceEvaluation Result) after;
        await using (var evaluationMemory = new MemorySampler())
        {
            after = await Evaluate(app);
            evaluationHeap = evaluationMemory.PeakManagedHeap;
        }
        // The evaluation's sampler collects the heap first: that pause is not counted, the total is sync + evaluation.
        var total = sync + after.Elapsed;
        await Task.Delay(200);
        await stop.CancelAsync();
        await writes;
        // Untimed repeat of the same evaluation (it changes nothing either) with the live heap measured: the growth
        // over the idle live heap is what an evaluation holds at this size.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var idleLive = GC.GetTotalMemory(true);
        long evaluationLive;
        await using (var live = new MemorySampler(collect: true))
        {
            await Evaluate(app);
            evaluationLive = live.PeakLiveHeap;
        }
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException(await response.Content.ReadAsStringAsync());
        if (learner.FirstError is not null) Console.WriteLine($"first learner error: {learner.FirstError}");
        return new Run(size, initial.Elapsed.TotalSeconds, sync.TotalSeconds, after.Elapsed.TotalSeconds, total.TotalSeconds,
            memory.PeakWorkingSet, memory.PeakManagedHeap, memory.StartWorkingSet, memory.StartManagedHeap, learner.Succeeded, learner.Failed, learner.P99, syncHeap, evaluationHeap,
            evaluationLive, idleLive);
    }

    private static async Task<(TimeSpan Elapsed, AudienceEvaluation Result)> Evaluate(TrainingApp app)
    {
        var watch = Stopwatch.StartNew();
        var result = await app.WithScopeAsync(sp => sp.GetRequiredService<AudienceEvaluator>().EvaluateAsync());
        return (watch.Elapsed, result);
    }

    /// <summary>A name part made of letters only (names refuse digits): 0 → "A", 27 → "Bb".</summary>
    private static string Letters(int i)
    {
        var s = new StringBuilder();
        do { s.Insert(0, (char)('a' + i % 26)); i /= 26; } while (i > 0);
        s[0] = char.ToUpperInvariant(s[0]);
        return s.ToString();
    }

    /// <summary>Edition 2 moves every twentieth person (5 %) between "giáo viên" and "nhân viên" and changes their position.</summary>
    private static byte[] Build(int rows, int edition)
    {
        var csv = new StringBuilder("Mã cán bộ,Họ và tên,Email,Đơn vị,Đơn vị kiêm nhiệm,Chức vụ,Đối tượng\n");
        for (var i = 0; i < rows; i++)
        {
            var changed = edition == 2 && i % 20 == 0;
            var teacher = (i % 5 != 0) ^ changed;
            var position = teacher ? (i % 7 == 0) ^ changed ? "Tổ trưởng chuyên môn" : "Giáo viên" : "Nhân viên";
            csv.Append($"NB{i:000000},Cán Bộ {Letters(i)},nb{i}@sogddt.ninhbinh.gov.vn,{RosterFile.School(i % Schools)},,{position},{(teacher ? "giáo viên" : "nhân viên")}\n");
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
