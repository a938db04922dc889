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
        Console.WriteLine($"rpt_person_status: {rows:N0} rows rebuilt by PersonStatusBackfill in {clock.Elapsed.TotalSeconds:0} s, peak working set {self.PeakWorkingSet64 / 1048576:N0} MiB, load {File.ReadAllText("/proc/loadavg")[..14]}");
    }
}
