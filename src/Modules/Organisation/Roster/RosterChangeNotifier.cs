using Microsoft.Extensions.Logging;
using Training.Abstractions.Organisation;

namespace Training.Organisation.Roster;

/// <summary>Tells every <see cref="IRosterChangeListener"/> that some people changed, after the change committed. A
/// failing listener is logged and does not undo the change: the daily re-evaluation catches up.</summary>
public sealed class RosterChangeNotifier(IEnumerable<IRosterChangeListener> listeners, ILogger<RosterChangeNotifier> log)
{
    public async Task NotifyAsync(IReadOnlyCollection<string> userIds, string source, CancellationToken ct = default)
    {
        foreach (var listener in listeners)
        {
            try
            {
                await listener.PeopleChangedAsync(userIds, source, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Roster listener {Listener} failed after a change from {Source} ({Count} people)", listener.GetType().Name, source, userIds.Count);
            }
        }
    }
}
