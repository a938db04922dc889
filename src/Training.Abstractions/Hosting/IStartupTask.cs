namespace Training.Abstractions.Hosting;

/// <summary>Work a module needs at every start, after migrations and before demo seeding
/// (e.g. syncing role permissions). Must be idempotent.</summary>
public interface IStartupTask
{
    /// <summary>Lower runs first.</summary>
    int Order { get; }

    /// <summary>Run within a fresh scope.</summary>
    Task RunAsync(IServiceProvider services, CancellationToken ct);
}
