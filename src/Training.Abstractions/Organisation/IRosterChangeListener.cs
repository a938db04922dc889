namespace Training.Abstractions.Organisation;

/// <summary>Told after the roster changed (import page, <c>POST /api/roster</c>, CLI, an administrator's edit, a first
/// single sign-on that linked a person), once the change is committed. Every registered listener is called; a listener
/// must be idempotent and cheap to call twice, since scheduled re-evaluations also run (a lost call only delays).</summary>
public interface IRosterChangeListener
{
    /// <param name="userIds">The people created, changed or moved; empty when the caller cannot tell (re-evaluate all).</param>
    /// <param name="source">Where the change came from: <c>import</c>, <c>api</c>, <c>cli</c>, <c>admin</c>, <c>sso</c>.</param>
    Task PeopleChangedAsync(IReadOnlyCollection<string> userIds, string source, CancellationToken ct = default);
}
