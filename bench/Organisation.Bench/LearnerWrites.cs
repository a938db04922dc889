using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Organisation.Data;
using Training.Testing;

namespace Training.Organisation.Bench;

/// <summary>Small writes a learner makes while an import runs: every 20 ms, in its own scope and connection, one
/// change to the learner's own row (the table the import writes), saved through the DbContext.</summary>
internal sealed class LearnerWrites(TrainingApp app, string userName)
{
    public int Succeeded { get; private set; }
    public int Failed { get; private set; }
    public TimeSpan Slowest { get; private set; }
    public string? FirstError { get; private set; }
    private readonly List<double> _waits = [];

    /// <summary>The 99th percentile of the write times in milliseconds (nearest rank).</summary>
    public double P99 => _waits.Count == 0 ? 0 : _waits.Order().ElementAt(Math.Max(0, (int)Math.Ceiling(_waits.Count * 0.99) - 1));

    public async Task RunAsync(CancellationToken stop)
    {
        var i = 0;
        while (!stop.IsCancellationRequested)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                await app.WithScopeAsync(async sp =>
                {
                    var db = sp.GetRequiredService<OrganisationDbContext>();
                    var user = await db.Users.SingleAsync(u => u.UserName == userName);
                    user.PreferredLanguage = i++ % 2 == 0 ? "vi" : "en";
                    await db.SaveChangesAsync();
                });
                Succeeded++;
            }
            catch (Exception e)
            {
                Failed++;
                FirstError ??= e.GetType().Name + ": " + e.Message;
            }
            if (watch.Elapsed > Slowest) Slowest = watch.Elapsed;
            _waits.Add(watch.Elapsed.TotalMilliseconds);
            try { await Task.Delay(20, stop); } catch (OperationCanceledException) { }
        }
    }
}
