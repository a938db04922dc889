using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Security;
using Training.Courses.Data;
using Training.Courses.Scorm.Import;
using Training.Testing;

// SCORM import benchmark (issue 14 target: a 100 MB package in ≤ 10 s with flat memory). From the repository root:
//   dotnet run -c Release --project bench/Scorm.Bench -- [sizesMb=25,100] [runs=3] [sqlite|postgres]
// Prints one line per size (median time, memory) and the ratios of the last size to the first (time, bytes, memory).
// Builds packages of incompressible 256 KiB files (the worst case for time: every byte is inflated and stored), then
// imports each through ScormImporter (what the page and import-scorm run) into a fresh site, timing the import and
// sampling the process's working set every 20 ms. "Peak − before" is the memory the import itself needed.
var repo = new DirectoryInfo(AppContext.BaseDirectory);
while (repo is not null && !File.Exists(Path.Combine(repo.FullName, "Training.sln"))) repo = repo.Parent;
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_TRAININGSITE", Path.Combine(repo!.FullName, "src", "TrainingSite"));

// The site's own log (migrations, jobs) would bury the figures.
Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
var sizes = (args.ElementAtOrDefault(0) ?? "25,100").Split(',').Select(int.Parse).ToArray();
var runs = int.TryParse(args.ElementAtOrDefault(1), out var r) ? r : 3;
var database = args.ElementAtOrDefault(2) == "postgres" ? TestDatabase.Postgres : TestDatabase.Sqlite;
Console.WriteLine($"SCORM import, {database}, {runs} runs per size, {Environment.ProcessorCount} cores");
var medians = new List<(int Mb, double Seconds, double Delta)>();
Console.WriteLine("size_mb\tfiles\tmedian_s\tmin_s\tmax_s\tmedian_mb_per_s\tpeak_ws_delta_mb\tpeak_managed_mb");
foreach (var mb in sizes)
{
    var zip = Path.Combine(Path.GetTempPath(), $"scorm-bench-{mb}.zip");
    var files = Build(zip, mb);
    var times = new List<double>();
    var deltas = new List<double>();
    var managed = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        using var app = new TrainingApp(database: database);
        var trainer = await app.CreateUserAsync("giangvien", BuiltInRoles.Trainer);
        var course = await app.CreatePublishedCourseAsync(trainer.Id, "BENCH-SCORM");
        GC.Collect(2, GCCollectionMode.Forced, true, true);
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        long peak = before, peakManaged = GC.GetTotalMemory(false);
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false));
                try { await Task.Delay(20, sampling.Token); } catch (OperationCanceledException) { }
            }
        });
        var watch = Stopwatch.StartNew();
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CoursesDbContext>();
            var draft = await db.Courses.Include(c => c.Sections).ThenInclude(s => s.Lessons).SingleAsync(c => c.Id == course.CourseId);
            await using var stream = File.OpenRead(zip);
            await sp.GetRequiredService<ScormImporter>().ImportAsync(draft, null, "bench.zip", stream, trainer.Id);
        });
        watch.Stop();
        await sampling.CancelAsync();
        await sampler;
        times.Add(watch.Elapsed.TotalSeconds);
        deltas.Add((peak - before) / 1048576.0);
        managed.Add(peakManaged / 1048576.0);
    }
    times.Sort();
    deltas.Sort();
    managed.Sort();
    var median = times[times.Count / 2];
    Console.WriteLine($"{mb}\t{files}\t{median:0.00}\t{times[0]:0.00}\t{times[^1]:0.00}\t{mb / median:0.0}\t{deltas[deltas.Count / 2]:0}\t{managed[managed.Count / 2]:0}");
    File.Delete(zip);
    medians.Add((mb, median, deltas[deltas.Count / 2]));
}
if (medians.Count > 1)
{
    var (first, last) = (medians[0], medians[^1]);
    Console.WriteLine($"ratio {last.Mb} MB / {first.Mb} MB: bytes {(double)last.Mb / first.Mb:0.0}, time {last.Seconds / first.Seconds:0.00}, " +
        $"peak working set delta {last.Delta:0} MB vs {first.Delta:0} MB (flat memory: it does not grow with the package)");
}
return 0;

static int Build(string path, int megabytes)
{
    const int fileSize = 256 * 1024;
    var count = megabytes * 4;
    var random = new Random(14);
    var buffer = new byte[fileSize];
    using var zip = new ZipArchive(File.Create(path), ZipArchiveMode.Create);
    Write(zip, "imsmanifest.xml", Encoding.UTF8.GetBytes(ScormPackages.Manifest(ScormPackages.Scorm2004Fourth, 1)));
    Write(zip, "sco1/index.html", "<!DOCTYPE html><html><head><title>x</title></head><body>x</body></html>"u8.ToArray());
    Write(zip, "shared/sco.js", "void 0;"u8.ToArray());
    for (var i = 0; i < count; i++)
    {
        random.NextBytes(buffer);
        Write(zip, $"media/clip-{i:0000}.bin", buffer);
    }
    return count + 3;
}

static void Write(ZipArchive zip, string name, byte[] content)
{
    using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
    entry.Write(content);
}
