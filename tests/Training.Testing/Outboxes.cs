using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Training.Platform.Outbox;

namespace Training.Testing;

/// <summary>Waiting for modules' outboxes, whose dispatchers run in the background of a test's host.</summary>
public static class Outboxes
{
    /// <summary>Waits until the outboxes of <paramref name="contexts"/> hold nothing undelivered. A delivery that failed
    /// once (a busy database on a loaded machine) comes due again after a back-off measured on the host's clock; when
    /// that clock is a frozen <see cref="FakeTimeProvider"/>, the wait moves it to the retry time instead of waiting
    /// forever. A timeout names how many messages are left and the last error.</summary>
    public static async Task DrainOutboxesAsync(this TrainingApp app, TimeSpan timeout, params Type[] contexts)
    {
        var clock = app.Services.GetService<TimeProvider>() as FakeTimeProvider;
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var pending = await app.WithScopeAsync(async sp =>
            {
                var all = new List<(DateTimeOffset Due, string? Error)>();
                foreach (var type in contexts)
                {
                    var db = (IHasOutbox)sp.GetRequiredService(type);
                    var rows = await db.Outbox.AsNoTracking().Where(m => m.ProcessedAt == null)
                        .Select(m => new { m.NextAttemptAt, m.LastError }).ToListAsync();
                    all.AddRange(rows.Select(r => (r.NextAttemptAt, r.LastError)));
                }
                return all;
            });
            if (pending.Count == 0) return;
            var retry = pending.Where(m => m.Error != null).Select(m => m.Due).DefaultIfEmpty(DateTimeOffset.MinValue).Max();
            if (clock != null && retry > clock.GetUtcNow()) clock.SetUtcNow(retry);
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"{pending.Count} outbox message(s) of {string.Join(", ", contexts.Select(c => c.Name))} " +
                                           $"were not delivered within {timeout.TotalSeconds:0} s; last error: {pending.Select(m => m.Error).LastOrDefault(e => e != null) ?? "none"}.");
            await Task.Delay(50);
        }
    }
}
