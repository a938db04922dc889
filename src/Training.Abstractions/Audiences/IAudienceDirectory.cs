using Training.Abstractions.Organisation;

namespace Training.Abstractions.Audiences;

/// <summary>Read access to the audiences (rules kept by Organisation) for the modules that act on them.</summary>
public interface IAudienceDirectory
{
    /// <summary>The audiences whose rule lies inside the scope (all of them for <see cref="UnitScope.Everything"/>), by name.</summary>
    Task<IReadOnlyList<AudienceInfo>> GetAudiencesAsync(UnitScope scope, CancellationToken ct = default);

    /// <summary>One audience, or null.</summary>
    Task<AudienceInfo?> GetAudienceAsync(Guid audienceId, CancellationToken ct = default);

    /// <summary>The current members of an audience (as of its last evaluation).</summary>
    Task<IReadOnlyList<AudienceJoiner>> GetMembersAsync(Guid audienceId, CancellationToken ct = default);
}

/// <summary>An audience as other modules see it; <paramref name="Size"/> counts current members.</summary>
public sealed record AudienceInfo(Guid Id, string Name, DateOnly StartsOn, IReadOnlyList<Guid> UnitIds, int Size);
