using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Reporting.Data;
using Training.Reporting.Status;
using Training.Testing;

namespace Training.Reporting.Bench;

/// <summary>BENCH_MODE=resync (issue 13, item 4, re-sync): what the daily re-check of everybody costs, and that its memory
/// stays bounded. Times the set-based rebuild (the old fallback above 5,000 people: everything in memory at once) and
/// the batched walk of everyone (<see cref="StatusWalk.RefreshEveryoneAsync"/>, the job and roster changes), each with
/// its peak of live managed memory above the level before (a full collection every 250 ms, then the heap's size: what
/// the work holds, not the garbage it leaves; the collections slow both a little); then the walk again after 1 % of the
/// status rows were deleted behind its back, which it must restore.</summary>
internal static class ResyncBench
{
    public static async Task RunAsync(TrainingApp app)
    {
        var rebuild = await MeasureAsync(() => app.WithScopeAsync(sp => sp.GetRequiredService<PersonStatusBackfill>().RebuildAsync()));
        var walk = app.Services.GetRequiredService<StatusWalk>();
        var clean = await MeasureAsync(async () => (await walk.RefreshEveryoneAsync(CancellationToken.None)).Corrected);
        var deleted = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ReportingDbContext>();
            var ids = await db.PersonStatuses.Select(s => s.UserId).Distinct().OrderBy(s => s).ToListAsync();
            var lost = ids.Where((_, i) => i % 100 == 0).ToList();
            foreach (var chunk in lost.Chunk(1_000)) await db.PersonStatuses.Where(s => chunk.Contains(s.UserId)).ExecuteDeleteAsync();
            return lost.Count;
        });
        var drift = await MeasureAsync(async () => (await walk.RefreshEveryoneAsync(CancellationToken.None)).Corrected);

        Print("rebuild (old fallback)", rebuild, "rows written");
        Print("walk, no drift", clean, "rows corrected");
        Print($"walk, {deleted} people's rows deleted", drift, "rows corrected");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"resync ratio: walk / rebuild time = {clean.Seconds / rebuild.Seconds:0.00}, walk / rebuild live heap peak = {clean.PeakMb / rebuild.PeakMb:0.00}"));
        if (drift.Result < deleted) throw new InvalidOperationException($"The walk restored {drift.Result} rows for {deleted} deleted people.");
    }

    private static void Print(string what, (double Seconds, double PeakMb, int Result) m, string unit) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"resync {what}: {m.Seconds:0.0} s, live heap peak +{m.PeakMb:0.0} MB, {m.Result} {unit}"));

    private static async Task<(double Seconds, double PeakMb, int Result)> MeasureAsync(Func<Task<int>> action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var start = GC.GetTotalMemory(forceFullCollection: true);
        long peak = start;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
                await Task.Delay(250);
            }
        });
        var clock = Stopwatch.StartNew();
        var result = await action();
        clock.Stop();
        await stop.CancelAsync();
        await sampler;
        return (clock.Elapsed.TotalSeconds, (peak - start) / 1_048_576.0, result);
    }
}
