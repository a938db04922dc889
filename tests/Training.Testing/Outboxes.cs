using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Training.Platform.Outbox;

namespace Training.Testing;

/// <summary>Waiting for modules' outboxes, whose dispatchers run in the background of a test's host.
/// A delivery that failed once (a busy database on a loaded machine) comes due again after a back-off measured on the
/// host's clock. When that clock is a frozen <see cref="FakeTimeProvider"/> the retry would never come due, and a test
/// would wait for nothing: these helpers make such messages due at the frozen "now", which is what the passing of the
/// back-off would do, without moving the clock the test reasons about.</summary>
public static class Outboxes
{
    /// <summary>Waits until the outboxes of <paramref name="contexts"/> (every module's when none is named) hold nothing
    /// undelivered. A timeout names how many messages are left and the last error.</summary>
    public static async Task DrainOutboxesAsync(this TrainingApp app, TimeSpan timeout, params Type[] contexts)
    {
        if (contexts.Length == 0) contexts = [.. OutboxContexts(app)];
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var pending = await app.WithScopeAsync(async sp =>
            {
                var all = new List<string?>();
                foreach (var type in contexts)
                    all.AddRange(await ((IHasOutbox)sp.GetRequiredService(type)).Outbox.AsNoTracking()
                        .Where(m => m.ProcessedAt == null).Select(m => m.LastError).ToListAsync());
                return all;
            });
            if (pending.Count == 0) return;
            if (pending.Any(e => e != null)) await RetryFailedOutboxMessagesAsync(app, contexts);
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"{pending.Count} outbox message(s) of {string.Join(", ", contexts.Select(c => c.Name))} " +
                                           $"were not delivered within {timeout.TotalSeconds:0} s; last error: {pending.LastOrDefault(e => e != null) ?? "none"}.");
            await Task.Delay(50);
        }
    }

    /// <summary>With a frozen clock, makes failed messages of <paramref name="contexts"/> (every module's when none is
    /// named) due now; with a real clock does nothing (their back-off passes by itself).</summary>
    public static async Task RetryFailedOutboxMessagesAsync(this TrainingApp app, params Type[] contexts)
    {
        if (app.Services.GetService<TimeProvider>() is not FakeTimeProvider clock) return;
        if (contexts.Length == 0) contexts = [.. OutboxContexts(app)];
        var now = clock.GetUtcNow().ToUniversalTime();
        await app.WithScopeAsync(async sp =>
        {
            foreach (var type in contexts)
            {
                var outbox = ((IHasOutbox)sp.GetRequiredService(type)).Outbox;
                // SQLite cannot compare DateTimeOffset in SQL: the few failed messages are compared here.
                var failed = await outbox.AsNoTracking().Where(m => m.ProcessedAt == null && m.LastError != null)
                    .Select(m => new { m.Id, m.NextAttemptAt }).ToListAsync();
                var ids = failed.Where(m => m.NextAttemptAt > now).Select(m => m.Id).ToList();
                if (ids.Count > 0) await outbox.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, now));
            }
        });
    }

    /// <summary>What is left undelivered in every outbox, for a timeout's message: per context, the count and the last error.</summary>
    public static Task<string> DescribeOutboxesAsync(this TrainingApp app) => app.WithScopeAsync(async sp =>
    {
        var parts = new List<string>();
        foreach (var type in OutboxContexts(app))
        {
            var rows = await ((IHasOutbox)sp.GetRequiredService(type)).Outbox.AsNoTracking().Where(m => m.ProcessedAt == null)
                .Select(m => new { m.Type, m.Attempts, m.LastError }).ToListAsync();
            if (rows.Count > 0)
                parts.Add($"{type.Name}: {rows.Count} undelivered ({string.Join("; ", rows.Take(3).Select(r => $"{r.Type} x{r.Attempts} {r.LastError}"))})");
        }
        return parts.Count == 0 ? "every outbox is delivered" : string.Join(" | ", parts);
    });

    /// <summary>The contexts whose outbox a dispatcher of this host delivers.</summary>
    public static IEnumerable<Type> OutboxContexts(TrainingApp app) => app.Services.GetServices<IHostedService>()
        .Where(s => s.GetType().IsGenericType && s.GetType().GetGenericTypeDefinition() == typeof(OutboxDispatcher<>))
        .Select(s => s.GetType().GetGenericArguments()[0]);
}
