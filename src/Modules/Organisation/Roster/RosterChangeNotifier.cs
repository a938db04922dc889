using Microsoft.Extensions.Logging;
using Training.Abstractions.Organisation;

namespace Training.Organisation.Roster;

/// <summary>Tells every <see cref="IRosterChangeListener"/> that some people changed, and every
/// <see cref="IUnitTreeListener"/> that units were created, after the change committed. A failing listener is logged and
/// does not undo the change: the daily re-evaluation catches up.</summary>
public sealed class RosterChangeNotifier(IEnumerable<IRosterChangeListener> listeners, IEnumerable<IUnitTreeListener> trees,
    ILogger<RosterChangeNotifier> log)
{
    public Task NotifyAsync(IReadOnlyCollection<string> userIds, string source, CancellationToken ct = default) =>
        EachAsync(listeners, l => l.PeopleChangedAsync(userIds, source, ct),
            (e, l) => log.LogError(e, "Roster listener {Listener} failed after a change from {Source} ({Count} people)", l.GetType().Name, source, userIds.Count));

    public Task UnitsChangedAsync(int created, string source, CancellationToken ct = default) =>
        EachAsync(trees, l => l.UnitsChangedAsync(created, source, ct),
            (e, l) => log.LogError(e, "Unit tree listener {Listener} failed after {Count} units were created from {Source}", l.GetType().Name, created, source));

    /// <summary>Calls every listener; a failure is logged and the others are still called.</summary>
    private static async Task EachAsync<T>(IEnumerable<T> all, Func<T, Task> call, Action<Exception, T> failed) where T : notnull
    {
        foreach (var listener in all)
        {
            try
            {
                await call(listener);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed(e, listener);
            }
        }
    }
}
