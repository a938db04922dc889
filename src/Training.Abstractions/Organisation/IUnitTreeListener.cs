namespace Training.Abstractions.Organisation;

/// <summary>Told after the unit tree changed (units created by a roster import from the import page or the CLI), once
/// the change is committed. Every registered listener is called; a listener must be idempotent and cheap, since a
/// scheduled re-evaluation also runs (a lost call only delays).</summary>
public interface IUnitTreeListener
{
    /// <param name="created">How many units the change created.</param>
    /// <param name="source">Where the change came from: <c>import</c>, <c>cli</c>.</param>
    Task UnitsChangedAsync(int created, string source, CancellationToken ct = default);
}
