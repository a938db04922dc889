using Training.Abstractions.Learning;

namespace Training.Reporting.Tests.Doubles;

/// <summary>Per-person assignment counts standing in for the Courses module.</summary>
public sealed class InMemoryProgress : ILearnerProgress
{
    public Dictionary<string, LearnerProgress> People { get; } = [];

    public Task<IReadOnlyDictionary<string, LearnerProgress>> GetProgressAsync(IReadOnlyCollection<string> userIds, DateOnly asOf,
        CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyDictionary<string, LearnerProgress>>(
            People.Where(p => userIds.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value));
}
