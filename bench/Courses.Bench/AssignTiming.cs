using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Organisation;
using Training.Abstractions.Security;
using Training.Courses.Services;
using Training.Testing;

namespace Training.Courses.Bench;

/// <summary>Times the assignment of a course to everybody (the HR page's POST, end to end), its phases through the
/// service, and a re-run that adds nothing; meanwhile a learner keeps writing (lesson views) and every write must
/// succeed. Medians of <c>runs</c> fresh courses.</summary>
internal static partial class AssignTiming
{
    public static async Task<int> RunAsync(string provider, int people, int runs)
    {
        // BENCH_SQL=1 logs every SQL command with its duration (EF Core's command log).
        var settings = new Dictionary<string, string?>();
        if (Environment.GetEnvironmentVariable("BENCH_SQL") == "1") settings["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
        using var app = new TrainingApp(database: provider == "postgres" ? TestDatabase.Postgres : TestDatabase.Sqlite, settings: settings);
        var clock = Stopwatch.StartNew();
        var site = await BenchSite.CreateAsync(app, people);
        Console.WriteLine($"provider={provider} people={people} generated in {clock.Elapsed.TotalSeconds:0.0} s; machine load {File.ReadAllText("/proc/loadavg").Trim()}");
        var hr = await site.HrAsync();
        var (learner, lessons) = await LearnerAsync(site);
        var page = new List<double>();
        var pageCpu = new List<double>();
        var rerun = new List<double>();
        var rerunCpu = new List<double>();
        for (var i = 1; i <= runs; i++)
        {
            var course = await site.CourseAsync($"BENCH-A{i}");
            clock.Restart();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var html = await (await BenchSite.AssignAsync(hr, course, site.Root)).Content.ReadAsStringAsync();
            page.Add(clock.Elapsed.TotalSeconds);
            pageCpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
            var added = Added(html);
            var stored = await site.AssignmentsAsync(course.CourseId);
            clock.Restart();
            cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var again = Added(await (await BenchSite.AssignAsync(hr, course, site.Root)).Content.ReadAsStringAsync());
            rerun.Add(clock.Elapsed.TotalSeconds);
            rerunCpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
            Console.WriteLine($"run {i}: page POST {page[^1]:0.00} s (CPU {pageCpu[^1]:0.00} s), added {added}, stored {stored}; "
                + $"re-run {rerun[^1]:0.00} s (CPU {rerunCpu[^1]:0.00} s), added {again}");
            if (added != stored || again != 0 || stored < people) throw new InvalidOperationException("Unexpected outcome.");
        }
        // One more, with a learner writing all along (lesson views): every write must succeed.
        var busy = await site.CourseAsync("BENCH-W");
        LearnerWrites.Result writes;
        await using (var learning = LearnerWrites.Start(learner, lessons))
        {
            clock.Restart();
            await BenchSite.AssignAsync(hr, busy, site.Root);
            var busyPost = clock.Elapsed.TotalSeconds;
            writes = await learning.StopAsync();
            Console.WriteLine($"with a learner writing meanwhile: page POST {busyPost:0.00} s; learner: {writes}");
        }
        var phases = await PhasesAsync(site, runs);
        Console.WriteLine($"median page POST {Median(page):0.00} s (process CPU {Median(pageCpu):0.00} s); median re-run {Median(rerun):0.00} s "
            + $"(process CPU {Median(rerunCpu):0.00} s); {phases}");
        return writes.Failed == 0 ? 0 : 1;
    }

    /// <summary>The same work through the service, split: who (the directory), then plan and write (the write transaction).</summary>
    private static async Task<string> PhasesAsync(BenchSite site, int runs)
    {
        var directory = new List<double>();
        var total = new List<double>();
        var write = new List<double>();
        var cpu = new List<double>();
        for (var i = 1; i <= runs; i++)
        {
            var course = await site.CourseAsync($"BENCH-S{i}");
            await site.App.WithScopeAsync(async sp =>
            {
                var clock = Stopwatch.StartNew();
                await sp.GetRequiredService<IOrgDirectory>().GetPeopleAsync(new PeopleQuery(site.Root.Id));
                directory.Add(clock.Elapsed.TotalSeconds);
                var item = (await sp.GetRequiredService<CourseCatalog>().FindByCodeAsync(course.Code))!;
                var unit = new OrgUnitInfo(site.Root.Id, null, site.Root.Code, site.Root.Name, site.Root.Kind, 0);
                clock.Restart();
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var outcome = await sp.GetRequiredService<AssignmentService>().AssignAsync(
                    new AssignmentRequest(item, unit, [], DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), site.TrainerId, unit.Name), UnitScope.Everything);
                total.Add(clock.Elapsed.TotalSeconds);
                cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
                write.Add(outcome.WriteTime.TotalSeconds);
            });
        }
        return $"service: directory load {Median(directory):0.00} s, whole assignment {Median(total):0.00} s (process CPU {Median(cpu):0.00} s), "
            + $"write transaction {Median(write):0.00} s (medians of {runs})";
    }

    private static async Task<(HttpClient Client, string[] Lessons)> LearnerAsync(BenchSite site)
    {
        await site.App.CreateUserAsync("benchlearner", BuiltInRoles.Learner);
        var course = await site.CourseAsync("BENCH-L");
        var client = site.App.CreateBrowser();
        await client.SignInAsync("benchlearner");
        await client.EnrolAsync(course.Code);
        var lessons = await site.App.LessonIdsAsync(course.VersionId);
        return (client, lessons.Select(l => $"/courses/{course.Code}/lessons/{l}").ToArray());
    }

    private static int Added(string html)
    {
        var match = AddedPattern().Match(html);
        return match.Success ? int.Parse(match.Groups[1].Value) : throw new InvalidOperationException("No outcome on the page.");
    }

    internal static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    [GeneratedRegex("Đã giao khóa học cho ([0-9]+) cán bộ")]
    private static partial Regex AddedPattern();
}
