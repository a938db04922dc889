using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Certificates;
using Training.Abstractions.Learning;
using Training.Abstractions.Security;
using Training.Reporting.Bench;
using Training.Reporting.Reminders;
using Training.Testing;

// Reporting benchmark: root dashboard latency and 100,000-row export on a generated organisation.
// Usage: dotnet run -c Release --project bench/Reporting.Bench -- [sqlite|postgres] [staff] [units] [enrolments] [certificates] [runs]
// PostgreSQL uses the server in TRAINING_TEST_POSTGRES (as ./test.sh sets it) and creates a fresh database.
var provider = args.ElementAtOrDefault(0) ?? "sqlite";
int Arg(int i, int fallback) => int.TryParse(args.ElementAtOrDefault(i), out var v) ? v : fallback;
var (staff, units, enrolments, certificates, runs) = (Arg(1, 100_000), Arg(2, 1_000), Arg(3, 1_000_000), Arg(4, 300_000), Arg(5, 30));
var database = provider == "postgres" ? TestDatabase.Postgres : TestDatabase.Sqlite;

// WebApplicationFactory finds the site's content root through this variable when run outside a test project.
var repo = new DirectoryInfo(AppContext.BaseDirectory);
while (repo is not null && !File.Exists(Path.Combine(repo.FullName, "Training.sln"))) repo = repo.Parent;
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_TRAININGSITE", Path.Combine(repo!.FullName, "src", "TrainingSite"));

// The real modules answer the contracts: Organisation (IOrgDirectory), Certification (ICertificateLedger), Courses (ILearningActivity).
// BENCH_SQL=1 logs every SQL command with its duration (EF Core's command log).
var settings = new Dictionary<string, string?>();
if (Environment.GetEnvironmentVariable("BENCH_SQL") == "1") settings["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
using var app = new TrainingApp(database: database, settings: settings).WithServices(s => s.Configure<ReminderOptions>(o => o.Enabled = false));
await app.CreateUserAsync("benchadmin", BuiltInRoles.Administrator);
var clock = Stopwatch.StartNew();
var generator = new Generator(app, staff, units, enrolments, certificates);
await generator.RunAsync();
Console.WriteLine($"provider={provider} staff={staff} units={units} enrolments={enrolments} certificates={certificates} generated in {clock.Elapsed.TotalSeconds:0.0} s");
// BENCH_KEEP_DB=/path/file.db keeps a copy of a generated SQLite database for query-plan work (PostgreSQL databases stay on the server).
if (Environment.GetEnvironmentVariable("BENCH_KEEP_DB") is { Length: > 0 } keep && database == TestDatabase.Sqlite)
{
    await app.WithScopeAsync(sp => sp.GetRequiredService<Training.Reporting.Data.ReportingDbContext>().Database
        .ExecuteSqlAsync($"VACUUM INTO {keep}"));
    Console.WriteLine($"database copied to {keep}");
}

// The generator writes the modules' tables directly, like an upgrade over existing data: the status tables are built by
// the same set-based backfill the first start runs.
var rebuild = Stopwatch.StartNew();
var statusRows = await app.WithScopeAsync(sp => sp.GetRequiredService<Training.Reporting.Status.PersonStatusBackfill>().RebuildAsync());
Console.WriteLine($"status backfill: {statusRows} person-programme rows in {rebuild.Elapsed.TotalSeconds:0.0} s");
// BENCH_MODE=resync: the daily re-sync's walk against the rebuild, then stop.
if (Environment.GetEnvironmentVariable("BENCH_MODE") == "resync")
{
    await ResyncBench.RunAsync(app);
    return;
}
// BENCH_MODE=status: only the cold dashboards (province and one department), then stop.
if (Environment.GetEnvironmentVariable("BENCH_MODE") == "status")
{
    await StatusBench.RunAsync(app, generator, runs);
    return;
}

if (Environment.GetEnvironmentVariable("BENCH_PROFILE") == "1")
{
    for (var i = 0; i < 3; i++)
    {
        await app.WithScopeAsync(async sp =>
        {
            var sw = Stopwatch.StartNew();
            var people = await sp.GetRequiredService<Training.Abstractions.Organisation.IOrgDirectory>().GetPeopleAsync(new(generator.RootId));
            var tPeople = sw.ElapsedMilliseconds;
            var ledger = sp.GetRequiredService<ICertificateLedger>();
            var programmes = await ledger.GetProgrammesAsync();
            var facts = await ledger.GetFactsAsync(programmes.Select(p => p.Id).ToList());
            var tFacts = sw.ElapsedMilliseconds - tPeople;
            var units = await sp.GetRequiredService<Training.Abstractions.Organisation.IOrgDirectory>().GetUnitsAsync();
            var tUnits = sw.ElapsedMilliseconds - tPeople - tFacts;
            var learning = sp.GetRequiredService<ILearningActivity>();
            var learners = await learning.GetLearnersInProgressAsync(await learning.GetCourseIdsAsync(programmes.SelectMany(p => p.CourseCodes).ToList()));
            var tLearners = sw.ElapsedMilliseconds - tPeople - tFacts - tUnits;
            Console.WriteLine($"profile: people={people.Count} in {tPeople} ms, facts={facts.Count} in {tFacts} ms, units={units.Count} in {tUnits} ms, in progress={learners.Count} in {tLearners} ms");
            var target = (await sp.GetRequiredService<Training.Reporting.Coverage.ReportingQueries>().TargetAsync(generator.TargetId, Training.Abstractions.Organisation.UnitScope.Everything))!.Value.Target;
            sw.Restart();
            var data = await sp.GetRequiredService<Training.Reporting.Coverage.TargetDataLoader>().LoadAsync(target, CancellationToken.None);
            var tLoad = sw.ElapsedMilliseconds;
            Training.Reporting.Coverage.TargetReportBuilder.Build(data, new DateOnly(2026, 11, 22), Training.Abstractions.Organisation.UnitScope.Everything, null);
            Console.WriteLine($"profile: target data (people and facts side by side) in {tLoad} ms, report computed in {sw.ElapsedMilliseconds - tLoad} ms");
        });
    }
}
var client = app.CreateBrowser();
client.Timeout = TimeSpan.FromMinutes(5);
await client.SignInAsync("benchadmin");
var dashboard = $"/hr/plans/targets/{generator.TargetId}";
var cold = Stopwatch.StartNew();
(await client.GetAsync(dashboard)).EnsureSuccessStatusCode();
Console.WriteLine($"root dashboard, first (cold: people and certificates loaded through the contracts): {cold.ElapsedMilliseconds} ms");
for (var i = 0; i < 2; i++) (await client.GetAsync(dashboard)).EnsureSuccessStatusCode();
var times = new List<double>();
for (var i = 0; i < runs; i++)
{
    var sw = Stopwatch.StartNew();
    var response = await client.GetAsync(dashboard);
    var html = await response.Content.ReadAsStringAsync();
    sw.Stop();
    response.EnsureSuccessStatusCode();
    if (!html.Contains("UBND tỉnh (bench)", StringComparison.Ordinal)) throw new InvalidOperationException("Dashboard did not render the root unit.");
    times.Add(sw.Elapsed.TotalMilliseconds);
}
times.Sort();
double Pct(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"root dashboard: runs={runs} p50={Pct(0.5):0} ms p95={Pct(0.95):0} ms max={times[^1]:0} ms"));

// Drill-down: each district's page once (first visit of each unit, same viewer and day as the root's renders).
var districts = await app.WithScopeAsync(sp => sp.GetRequiredService<Training.Organisation.Data.OrganisationDbContext>().Units
    .Where(u => u.ParentId == generator.RootId).Select(u => u.Id).ToListAsync());
var drill = new List<double>();
foreach (var district in districts)
{
    var sw = Stopwatch.StartNew();
    var response = await client.GetAsync($"{dashboard}?unit={district}");
    await response.Content.ReadAsStringAsync();
    sw.Stop();
    response.EnsureSuccessStatusCode();
    drill.Add(sw.Elapsed.TotalMilliseconds);
}
drill.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"district dashboards (first visit each): n={drill.Count} p50={drill[drill.Count / 2]:0} ms max={drill[^1]:0} ms"));

foreach (var format in new[] { "csv", "xlsx" })
{
    GC.Collect();
    var baseline = GC.GetTotalMemory(true);
    long peak = 0;
    using var sampler = new CancellationTokenSource();
    var sampling = Task.Run(async () =>
    {
        while (!sampler.IsCancellationRequested)
        {
            peak = Math.Max(peak, GC.GetTotalMemory(false));
            try { await Task.Delay(20, sampler.Token); } catch (OperationCanceledException) { }
        }
    });
    var sw = Stopwatch.StartNew();
    using var response = await client.GetAsync($"/hr/plans/targets/{generator.TargetId}/people.{format}", HttpCompletionOption.ResponseHeadersRead);
    response.EnsureSuccessStatusCode();
    await using var body = await response.Content.ReadAsStreamAsync();
    var buffer = new byte[81920];
    long bytes = 0, lines = 0;
    int read;
    while ((read = await body.ReadAsync(buffer)) > 0)
    {
        bytes += read;
        if (format == "csv") lines += buffer.AsSpan(0, read).Count((byte)'\n');
    }
    sw.Stop();
    sampler.Cancel();
    await sampling;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"export {format}: {sw.Elapsed.TotalSeconds:0.00} s, {bytes / 1048576.0:0.0} MiB{(format == "csv" ? $", {lines - 1} rows" : "")}, managed heap peak +{(peak - baseline) / 1048576.0:0} MiB over {baseline / 1048576.0:0} MiB baseline"));
}
