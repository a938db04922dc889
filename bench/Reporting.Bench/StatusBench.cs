using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Security;
using Training.Organisation.Data;
using Training.Reporting.Data;
using Training.Testing;

namespace Training.Reporting.Bench;

/// <summary>BENCH_MODE=status (issue 13, item 4): the dashboard with nothing cached, read from the status tables. For the
/// province (an administrator on the root unit) and a department (an HR officer whose scope is one district): the first
/// request of each (the process's first dashboard, JIT included), then the median of repeated requests, each of which
/// reads the tables again (the site keeps no cache). Prints the ratio to the 300 ms target.</summary>
internal static class StatusBench
{
    private const double TargetMs = 300;

    public static async Task RunAsync(TrainingApp app, Generator generator, int runs)
    {
        var district = await app.WithScopeAsync(sp => sp.GetRequiredService<OrganisationDbContext>().Units
            .Where(u => u.ParentId == generator.RootId).OrderBy(u => u.Name).FirstAsync());
        await app.CreateUserAsync("benchhr", BuiltInRoles.HR, district, scope: district, category: "chuyên viên");
        var dashboard = $"/hr/plans/targets/{generator.TargetId}";
        var province = app.CreateBrowser();
        province.Timeout = TimeSpan.FromMinutes(2);
        await province.SignInAsync("benchadmin");
        var department = app.CreateBrowser();
        department.Timeout = TimeSpan.FromMinutes(2);
        await department.SignInAsync("benchhr");

        // Issue 13 item 5: the cover totals (built by the backfill) first, then the status rows they replace (the
        // fallback, forced by forgetting the built tree), in the same process and load, so the ratio compares like with like.
        var built = await app.WithScopeAsync(sp => sp.GetRequiredService<ReportingDbContext>().CoverTrees.AnyAsync());
        if (!built) throw new InvalidOperationException("The backfill built no cover tables: the dashboards would count from the status rows.");
        var cover = await MeasureAsync(province, department, dashboard, district.Name, runs, "cover totals");
        await app.WithScopeAsync(sp => sp.GetRequiredService<ReportingDbContext>().CoverTrees.ExecuteDeleteAsync());
        var status = await MeasureAsync(province, department, dashboard, district.Name, runs, "status rows (fallback)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"status dashboard, cover totals / status rows, p50: province {cover.Province / status.Province:0.00}, department {cover.Department / status.Department:0.00}"));
    }

    private static async Task<(double Province, double Department)> MeasureAsync(HttpClient province, HttpClient department, string dashboard,
        string district, int runs, string path)
    {
        var provinceFirst = await TimeAsync(province, dashboard, "UBND tỉnh (bench)");
        var departmentFirst = await TimeAsync(department, dashboard, district);
        var provinceRuns = new List<double>();
        var departmentRuns = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            // Interleaved, so both see the same machine load.
            provinceRuns.Add(await TimeAsync(province, dashboard, "UBND tỉnh (bench)"));
            departmentRuns.Add(await TimeAsync(department, dashboard, district));
        }
        return (Report($"{path}, province (root unit)", provinceFirst, provinceRuns), Report($"{path}, department ({district})", departmentFirst, departmentRuns));
    }

    private static async Task<double> TimeAsync(HttpClient client, string url, string mustShow)
    {
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        clock.Stop();
        response.EnsureSuccessStatusCode();
        if (!html.Contains(mustShow, StringComparison.Ordinal)) throw new InvalidOperationException($"The dashboard did not show {mustShow}.");
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Report(string what, double first, List<double> runs)
    {
        runs.Sort();
        var p50 = runs[runs.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"status dashboard, {what}: first {first:0} ms, p50 {p50:0} ms, p95 {runs[Math.Min(runs.Count - 1, (int)Math.Ceiling(0.95 * runs.Count) - 1)]:0} ms over {runs.Count} uncached runs; p50 / 300 ms target = {p50 / TargetMs:0.00}, first / target = {first / TargetMs:0.00}"));
        return p50;
    }
}
