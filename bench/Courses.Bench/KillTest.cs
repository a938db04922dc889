using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Organisation;
using Training.Courses.Data;
using Training.Courses.Services;
using Training.Testing;

namespace Training.Courses.Bench;

/// <summary>kill -9 in the middle of an assignment: a child process assigns a course to everybody and is killed at a
/// random moment after its write transaction began; the database must then hold all of the batch or none of it.</summary>
internal static class KillTest
{
    public static async Task<int> RunAsync(string provider, int people, int tries)
    {
        var dataPath = Directory.CreateTempSubdirectory("courses-kill-").FullName;
        var settings = new Dictionary<string, string?> { ["Training:DataPath"] = dataPath };
        string connection;
        using (var app = new TrainingApp(database: Database(provider), settings: settings))
        {
            var site = await BenchSite.CreateAsync(app, people);
            for (var i = 1; i <= tries + 1; i++) await site.CourseAsync($"BENCH-K{i}");
            connection = app.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["ConnectionStrings:Postgres"] ?? "";
        }
        SqliteConnection.ClearAllPools();
        var random = new Random(9);
        var outcomes = new List<string>();
        for (var i = 1; i <= tries; i++)
        {
            var delay = random.Next(0, 400);
            var (killed, after) = await KillChildAsync(provider, dataPath, connection, $"BENCH-K{i}", delay);
            var stored = await CountAsync(provider, dataPath, connection, $"BENCH-K{i}");
            var verdict = stored == 0 || stored >= people ? "ok" : "PARTIAL";
            outcomes.Add(verdict);
            Console.WriteLine($"try {i}: killed {(killed ? $"{delay} ms after the write began ({after})" : "(it finished first)")}; assignments stored: {stored} → {verdict}");
        }
        // And once right after the commit: then the whole batch must be there.
        await KillChildAsync(provider, dataPath, connection, $"BENCH-K{tries + 1}", 0, "Assignment write committed");
        var all = await CountAsync(provider, dataPath, connection, $"BENCH-K{tries + 1}");
        Console.WriteLine($"killed right after the commit: assignments stored: {all} → {(all >= people ? "ok" : "MISSING")}");
        return outcomes.All(o => o == "ok") && all >= people ? 0 : 1;
    }

    /// <summary>The child: the same database, the assignment through the service, the service's log on standard output.</summary>
    public static async Task<int> ChildAsync(string provider, string dataPath, string code)
    {
        using var app = new TrainingApp(database: TestDatabase.Sqlite, settings: ChildSettings(provider, dataPath, Environment.GetEnvironmentVariable("BENCH_PG") ?? ""));
        await app.WithScopeAsync(async sp =>
        {
            var item = (await sp.GetRequiredService<CourseCatalog>().FindByCodeAsync(code))!;
            var root = (await sp.GetRequiredService<IOrgDirectory>().GetUnitsAsync()).First(u => u.ParentId is null);
            Console.WriteLine("child: assigning");
            await sp.GetRequiredService<AssignmentService>().AssignAsync(
                new AssignmentRequest(item, root, [], DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), "bench", root.Name), UnitScope.Everything);
            Console.WriteLine("child: done");
        });
        return 0;
    }

    private static async Task<(bool Killed, string Phase)> KillChildAsync(string provider, string dataPath, string connection, string code, int delayMs,
        string signal = "Assignment write starts")
    {
        var start = new ProcessStartInfo("dotnet", [typeof(KillTest).Assembly.Location, "kill-child", provider, dataPath, code])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["BENCH_PG"] = connection;
        using var child = Process.Start(start)!;
        _ = child.StandardError.ReadToEndAsync();
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.Contains("child: done", StringComparison.Ordinal)) break;
            if (!line.Contains(signal, StringComparison.Ordinal)) continue;
            await Task.Delay(delayMs);
            var finished = child.HasExited;
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
            return (!finished, finished ? "after the end" : "during the write");
        }
        await child.WaitForExitAsync();
        return (false, "");
    }

    private static async Task<int> CountAsync(string provider, string dataPath, string connection, string code)
    {
        SqliteConnection.ClearAllPools();
        using var app = new TrainingApp(database: TestDatabase.Sqlite, settings: ChildSettings(provider, dataPath, connection));
        return await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CoursesDbContext>();
            var id = await db.Courses.Where(c => c.Code == code).Select(c => c.Id).SingleAsync();
            return await db.Assignments.CountAsync(a => a.CourseId == id);
        });
    }

    private static Dictionary<string, string?> ChildSettings(string provider, string dataPath, string connection)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Training:DataPath"] = dataPath,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Training.Courses.Services.AssignmentService"] = "Information",
        };
        if (provider == "postgres")
        {
            settings["Database:Provider"] = "Postgres";
            settings["ConnectionStrings:Postgres"] = connection;
        }
        return settings;
    }

    private static TestDatabase Database(string provider) => provider == "postgres" ? TestDatabase.Postgres : TestDatabase.Sqlite;
}
