using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Organisation;

namespace Training.Organisation.Audiences;

/// <summary>Re-evaluates the audiences for the people a roster change touched (everybody when the caller cannot tell),
/// right after the change committed, in a scope of its own so the caller's tracked entities are never saved by it.</summary>
internal sealed class AudienceRosterListener(IServiceScopeFactory scopes) : IRosterChangeListener
{
    public async Task PeopleChangedAsync(IReadOnlyCollection<string> userIds, string source, CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AudienceEvaluator>().EvaluateAsync(null, userIds, ct);
    }
}
