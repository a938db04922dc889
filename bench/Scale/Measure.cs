using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Training.Abstractions.Security;
using Training.Organisation.Data;
using Training.Reporting.Data;
using Training.Testing;

namespace Training.Scale.Bench;

/// <summary>Times the real dashboard page (<c>/hr/plans/targets/{id}</c>: the site's page, ReportingQueries and the
/// modules' contracts; the reporting cache is off, so every render loads what it shows from the database) for the
/// national target, the largest and a median province's target, and one department's view of its province's target.
/// "Cold" is the first render after a PostgreSQL restart (SCALE_RESTART); then <c>runs</c> renders give the median and p95.
/// The slowest dashboard is then rendered once more with auto_explain on, which logs EXPLAIN (ANALYZE, BUFFERS) of each
/// statement over 20 ms to the server log (SCALE_PGLOG); those plans are printed.</summary>
internal static class Measure
{
    private sealed record Dashboard(string Name, string User, string Url, int Staff);

    public static async Task RunAsync(string connection, int runs)
    {
        var restart = Environment.GetEnvironmentVariable("SCALE_RESTART");
        Console.WriteLine($"measure: runs={runs} started {DateTime.UtcNow:HH:mm:ss} UTC, load {Load()}; cold = {(restart is null ? "NOT cold (SCALE_RESTART unset)" : "first render after a PostgreSQL restart (the OS page cache is not dropped)")}");
        // Pending migrations (a merge since the generation) first, as a node's start would apply them.
        await Migrate.RunAsync(connection);
        var org = new OrgModel(Generate.UnitCount);
        var perProvince = new int[Names.Provinces.Length];
        for (long p = 0; p < Generate.Staff; p++) perProvince[org.UnitOf(p).Province]++;
        var provinces = org.Units.Where(u => u.Depth == 1).OrderByDescending(u => perProvince[u.Province]).ToList();
        var (largest, median) = (provinces[0], provinces[provinces.Count / 2]);
        var department = org.Units.First(u => u.Parent == largest.Index && u.Name == Names.Departments[0].Name);

        await using var host = new ScaleHost(connection, startup: false);
        var dashboards = await host.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ReportingDbContext>();
            async Task<Guid> TargetOf(string number) =>
                await db.Plans.Where(p => p.Number == number).SelectMany(p => p.Targets).Select(t => t.Id).SingleAsync();
            return new[]
            {
                new Dashboard("national", "scale-admin", $"/hr/plans/targets/{await TargetOf(Plans.NationalNumber)}", (int)Generate.Staff),
                new Dashboard($"province, largest ({largest.Name})", "scale-admin", $"/hr/plans/targets/{await TargetOf($"{largest.Index}/KH-UBND")}", perProvince[largest.Province]),
                new Dashboard($"province, median ({median.Name})", "scale-admin", $"/hr/plans/targets/{await TargetOf($"{median.Index}/KH-UBND")}", perProvince[median.Province]),
                new Dashboard($"department ({department.Name}, {largest.Name}; its HR officer)", "scale-hr", $"/hr/plans/targets/{await TargetOf($"{largest.Index}/KH-UBND")}", 0),
            };
        });
        await EnsureUserAsync(host, "scale-admin", BuiltInRoles.Administrator, null);
        await EnsureUserAsync(host, "scale-hr", BuiltInRoles.HR, department.Id);
        var clients = new Dictionary<string, HttpClient>();
        foreach (var user in dashboards.Select(d => d.User).Distinct())
        {
            var client = host.CreateBrowser();
            client.Timeout = TimeSpan.FromMinutes(10);
            await client.SignInAsync(user);
            clients[user] = client;
        }

        var results = new List<(Dashboard Dashboard, double Cold, double Median, double P95)>();
        foreach (var d in dashboards)
        {
            if (restart is not null) Restart(restart);
            var cold = await TimeAsync(clients[d.User], d.Url);
            var times = new List<double>();
            for (var i = 0; i < runs; i++) times.Add(await TimeAsync(clients[d.User], d.Url));
            times.Sort();
            var p95 = times[Math.Min(times.Count - 1, (int)Math.Ceiling(0.95 * times.Count) - 1)];
            results.Add((d, cold, times[times.Count / 2], p95));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{d.Name}{(d.Staff > 0 ? $", {d.Staff:N0} staff" : "")}: cold {cold:0} ms, median {times[times.Count / 2]:0} ms, p95 {p95:0} ms ({runs} runs), load {Load()}"));
        }
        var slowest = results.MaxBy(r => r.Median);
        var national = results[0].Median;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratios: national / largest province {national / results[1].Median:0.00}, largest / median province {results[1].Median / results[2].Median:0.00}"));
        await ExplainAsync(connection, clients[slowest.Dashboard.User], slowest.Dashboard);
    }

    private static async Task<double> TimeAsync(HttpClient client, string url)
    {
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        clock.Stop();
        if (!response.IsSuccessStatusCode || !html.Contains("Độ bao phủ", StringComparison.Ordinal))
            throw new InvalidOperationException($"{url} answered {(int)response.StatusCode} without the coverage chart.");
        return clock.Elapsed.TotalMilliseconds;
    }

    private static async Task EnsureUserAsync(ScaleHost host, string name, string role, Guid? scope)
    {
        var exists = await host.WithScopeAsync(sp => sp.GetRequiredService<OrganisationDbContext>().Users.AnyAsync(u => u.UserName == name));
        if (exists) return;
        var unit = scope is { } id ? await host.WithScopeAsync(sp => sp.GetRequiredService<OrganisationDbContext>().Units.SingleAsync(u => u.Id == id)) : null;
        await host.CreateUserAsync(name, role, unit, unit);
    }

    /// <summary>Restarts the cluster (the command comes from bench/scale.sh) and waits until it answers.</summary>
    private static void Restart(string command)
    {
        using var process = Process.Start("bash", ["-c", command]);
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"'{command}' failed ({process.ExitCode}).");
        NpgsqlConnection.ClearAllPools();
    }

    private static async Task ExplainAsync(string connection, HttpClient client, Dashboard dashboard)
    {
        var log = Environment.GetEnvironmentVariable("SCALE_PGLOG") ?? "/work/scale-pg/log";
        if (!File.Exists(log)) { Console.WriteLine($"no server log at {log}: plans not printed"); return; }
        // One session: auto_explain's settings are known to ALTER SYSTEM only once the library is loaded in the session.
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        async Task Exec(string sql) { await using var cmd = new NpgsqlCommand(sql, db); await cmd.ExecuteNonQueryAsync(); }
        await Exec("LOAD 'auto_explain'");
        string[] settings = ["session_preload_libraries = 'auto_explain'", "auto_explain.log_min_duration = '20ms'", "auto_explain.log_analyze = on",
            "auto_explain.log_buffers = on", "auto_explain.log_nested_statements = on"];
        var offset = new FileInfo(log).Length;
        try
        {
            foreach (var s in settings) await Exec($"ALTER SYSTEM SET {s}");
            await Exec("SELECT pg_reload_conf()");
            NpgsqlConnection.ClearAllPools();
            await Task.Delay(500);
            var ms = await TimeAsync(client, dashboard.Url);
            Console.WriteLine($"--- EXPLAIN (ANALYZE, BUFFERS) of the statements over 20 ms of one render of the slowest, {dashboard.Name} ({ms:0} ms with auto_explain's timing) ---");
        }
        finally
        {
            foreach (var s in settings) await Exec($"ALTER SYSTEM RESET {s.Split(' ')[0]}");
            await Exec("SELECT pg_reload_conf()");
        }
        await using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(offset, SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        Console.WriteLine(await reader.ReadToEndAsync());
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
