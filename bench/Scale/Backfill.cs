using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Reporting.Data;
using Training.Reporting.Status;

namespace Training.Scale.Bench;

/// <summary>Fills Reporting's status tables (rpt_staff, rpt_person_status) with the module's own set-based backfill
/// (<see cref="PersonStatusBackfill"/>, what a node runs at its first start on existing data), timed, with the
/// process's peak working set. Skipped when the tables have rows, unless forced.</summary>
internal static class Backfill
{
    public static async Task RunAsync(string connection, bool force)
    {
        // Pending migrations first (the cover tables of a merge since the generation), as a node's start applies them.
        await Migrate.RunAsync(connection);
        await using var host = new ScaleHost(connection, startup: false);
        var filled = await host.WithScopeAsync(sp => sp.GetRequiredService<ReportingDbContext>().PersonStatuses.AnyAsync());
        if (filled && !force)
        {
            Console.WriteLine("rpt_person_status: already filled, skipped (backfill --force rebuilds it)");
            return;
        }
        var clock = Stopwatch.StartNew();
        var rows = await host.WithScopeAsync(sp => sp.GetRequiredService<PersonStatusBackfill>().RebuildAsync());
        using var self = Process.GetCurrentProcess();
        Console.WriteLine($"rpt_person_status: {rows:N0} rows rebuilt by PersonStatusBackfill (cover tables included) in {clock.Elapsed.TotalSeconds:0} s, peak working set {self.PeakWorkingSet64 / 1048576:N0} MiB, load {File.ReadAllText("/proc/loadavg")[..14]}");
        var sizes = await host.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ReportingDbContext>();
            return $"rpt_unit_closure {await db.UnitClosure.CountAsync():N0}, rpt_cover_sets {await db.CoverSets.CountAsync(s => s.BuiltAt != null):N0} built, " +
                $"rpt_cover {await db.Cover.CountAsync():N0}, rpt_cover_totals {await db.CoverTotals.CountAsync():N0}, rpt_cover_population {await db.CoverPopulation.CountAsync():N0}";
        });
        Console.WriteLine($"cover tables: {sizes}");
    }
}
