using System.Diagnostics;

namespace Training.Courses.Bench;

/// <summary>A learner opening lessons in turn (each view writes the last lesson and an xAPI statement) while the
/// assignment runs: counts the writes, their worst latency, and any that failed.</summary>
internal sealed class LearnerWrites : IAsyncDisposable
{
    public sealed record Result(int Writes, int Failed, double WorstSeconds)
    {
        public override string ToString() => $"{Writes} writes, {Failed} failed, worst {WorstSeconds:0.00} s";
    }

    private readonly CancellationTokenSource _stop = new();
    private Task<Result> _loop = null!;

    public static LearnerWrites Start(HttpClient learner, string[] lessons)
    {
        var writes = new LearnerWrites();
        writes._loop = Task.Run(() => writes.LoopAsync(learner, lessons));
        return writes;
    }

    private async Task<Result> LoopAsync(HttpClient learner, string[] lessons)
    {
        var (count, failed, worst) = (0, 0, 0.0);
        while (!_stop.IsCancellationRequested)
        {
            var clock = Stopwatch.StartNew();
            var response = await learner.GetAsync(lessons[count % lessons.Length]);
            worst = Math.Max(worst, clock.Elapsed.TotalSeconds);
            count++;
            if (!response.IsSuccessStatusCode) failed++;
        }
        return new Result(count, failed, worst);
    }

    public async Task<Result> StopAsync()
    {
        await _stop.CancelAsync();
        return await _loop;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested) await StopAsync();
        _stop.Dispose();
    }
}
