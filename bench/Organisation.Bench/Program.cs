using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Organisation;
using Training.Abstractions.Security;
using Training.Organisation.Bench;
using Training.Organisation.Roster;
using Training.Testing;

// Roster import benchmark (issue 10, item 8): for each size, a fresh database with one Sở and its schools, then
// (1) import a file creating every person, (2) import a new edition changing every person, (3) import it again
// (nothing changes), each while a learner writes to the database every 20 ms. Prints one line per import and the medians.
// Usage: dotnet run -c Release --project bench/Organisation.Bench -- [sqlite|postgres] [runs] [sizes, e.g. 10000,30000]
// PostgreSQL uses the server in TRAINING_TEST_POSTGRES (as ./test.sh sets it) and creates a fresh database per run.
var provider = args.ElementAtOrDefault(0) ?? "sqlite";
var runs = int.TryParse(args.ElementAtOrDefault(1), out var r) ? r : 3;
var sizes = (args.ElementAtOrDefault(2) ?? "10000,30000").Split(',').Select(int.Parse).ToArray();
var database = provider == "postgres" ? TestDatabase.Postgres : TestDatabase.Sqlite;
const int Schools = 40;

var repo = new DirectoryInfo(AppContext.BaseDirectory);
while (repo is not null && !File.Exists(Path.Combine(repo.FullName, "Training.sln"))) repo = repo.Parent;
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_TRAININGSITE", Path.Combine(repo!.FullName, "src", "TrainingSite"));

// Audience benchmark (issue 11): dotnet run -c Release --project bench/Organisation.Bench -- audience [sqlite|postgres] [sizes, e.g. 20000,100000]
if (args.FirstOrDefault() == "audience") return await AudienceBench.RunAsync(args[1..]);

var results = new List<(int Size, string Kind, RosterImportResult Result, TimeSpan Total, TimeSpan Cpu, LearnerWrites Learner)>();
for (var run = 1; run <= runs; run++)
{
    foreach (var size in sizes)
    {
        // BENCH_STEPS=1 logs each statement of the write transaction with its duration.
        var settings = new Dictionary<string, string?>();
        if (Environment.GetEnvironmentVariable("BENCH_STEPS") == "1") settings["Logging:LogLevel:Training.Organisation.Roster"] = "Debug";
        using var app = new TrainingApp(database: database, settings: settings);
        var root = await app.CreateUnitAsync(RosterFile.Root);
        var schools = new List<Training.Organisation.Data.OrgUnit>();
        for (var i = 0; i < Schools; i++) schools.Add(await app.CreateUnitAsync($"Trường THPT số {i}", root));
        await app.CreateUserAsync("learner", BuiltInRoles.Learner, schools[0]);
        var scope = await app.WithScopeAsync(sp => sp.GetRequiredService<IOrgDirectory>().GetSubtreeAsync(root.Id));
        var authority = RosterAuthority.ForSubtree(new UnitScope(false, root.Id, scope));

        foreach (var (kind, edition) in new[] { ("create", 1), ("update", 2), ("unchanged", 2) })
        {
            var file = RosterFile.Build(size, Schools, edition);
            var learner = new LearnerWrites(app, "learner");
            using var stop = new CancellationTokenSource();
            var writes = Task.Run(() => learner.RunAsync(stop.Token));
            await Task.Delay(200); // the learner is writing before the import starts
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var result = await app.WithScopeAsync(sp => sp.GetRequiredService<RosterImporter>().ImportAsync(new MemoryStream(file), authority, RosterImportOptions.CreatingUnits));
            var total = watch.Elapsed;
            // CPU time of this process (the import, the learner's writes and, on SQLite, the database engine): a figure
            // the load of other processes on the machine barely changes, unlike the wall-clock time.
            var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            await Task.Delay(200);
            await stop.CancelAsync();
            await writes;
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Take(5)));
            results.Add((size, kind, result, total, cpuUsed, learner));
            var t = result.Timings;
            Console.WriteLine($"run {run} {provider} {size,6} {kind,-9} total {total.TotalMilliseconds,7:0} ms (cpu {cpuUsed.TotalMilliseconds,6:0}) | parse {t.Parse.TotalMilliseconds,5:0} load {t.Load.TotalMilliseconds,5:0} plan {t.Plan.TotalMilliseconds,6:0} " +
                $"stage {t.Stage.TotalMilliseconds,6:0} write tx {t.Write.TotalMilliseconds,6:0} ms | created {result.Created} updated {result.Updated} unchanged {result.Unchanged} " +
                $"| learner writes {learner.Succeeded} ok, {learner.Failed} failed, slowest {learner.Slowest.TotalMilliseconds:0} ms{(learner.FirstError is null ? "" : " first error: " + learner.FirstError)}");
        }
    }
}

Console.WriteLine();
Console.WriteLine($"medians over {runs} run(s), {provider}:");
double Median(IEnumerable<double> values) { var v = values.Order().ToArray(); return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2; }
foreach (var kind in new[] { "create", "update", "unchanged" })
{
    foreach (var size in sizes)
    {
        var rows = results.Where(x => x.Kind == kind && x.Size == size).ToList();
        Console.WriteLine($"  {kind,-9} {size,6}: total {Median(rows.Select(x => x.Total.TotalSeconds)):0.00} s, cpu {Median(rows.Select(x => x.Cpu.TotalSeconds)):0.00} s, write tx {Median(rows.Select(x => x.Result.Timings.Write.TotalSeconds)):0.000} s, " +
            $"learner writes failed {rows.Sum(x => x.Learner.Failed)} of {rows.Sum(x => x.Learner.Succeeded + x.Learner.Failed)}, slowest {rows.Max(x => x.Learner.Slowest.TotalMilliseconds):0} ms");
    }
    if (sizes.Length >= 2)
    {
        var small = Median(results.Where(x => x.Kind == kind && x.Size == sizes[0]).Select(x => x.Total.TotalSeconds));
        var large = Median(results.Where(x => x.Kind == kind && x.Size == sizes[^1]).Select(x => x.Total.TotalSeconds));
        var cpuSmall = Median(results.Where(x => x.Kind == kind && x.Size == sizes[0]).Select(x => x.Cpu.TotalSeconds));
        var cpuLarge = Median(results.Where(x => x.Kind == kind && x.Size == sizes[^1]).Select(x => x.Cpu.TotalSeconds));
        Console.WriteLine($"  {kind,-9} ratio {sizes[^1]}/{sizes[0]}: total {large / small:0.00}, cpu {cpuLarge / cpuSmall:0.00}");
    }
}
var failures = results.Sum(x => x.Learner.Failed);
return failures == 0 ? 0 : 1;
