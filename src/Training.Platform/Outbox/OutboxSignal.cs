namespace Training.Platform.Outbox;

/// <summary>Wakes the dispatcher of <typeparamref name="TContext"/> right after a commit that added messages to that
/// context's outbox, instead of waiting for the next poll. One per context: a commit in one module never spends the
/// wake-up of another's dispatcher.</summary>
public sealed class OutboxSignal<TContext>
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up covers every commit before it.
        }
    }

    /// <summary>True when woken, false after <paramref name="timeout"/>.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
