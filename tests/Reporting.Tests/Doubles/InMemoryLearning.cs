using Training.Abstractions.Learning;

namespace Training.Reporting.Tests.Doubles;

/// <summary>An in-memory learning activity standing in for the Courses module.</summary>
public sealed class InMemoryLearning : ILearningActivity
{
    public Dictionary<Guid, HashSet<string>> InProgress { get; } = [];
    public List<(DateOnly On, CourseActivity Activity)> Activity { get; } = [];
    public List<OverdueAssignment> Overdue { get; } = [];
    public Dictionary<string, Guid> Courses { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Task<IReadOnlyList<Guid>> GetCourseIdsAsync(IReadOnlyCollection<string> codes, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<Guid>>(codes.Where(Courses.ContainsKey).Select(c => Courses[c]).ToList());

    public Task<IReadOnlySet<string>> GetLearnersInProgressAsync(IReadOnlyCollection<Guid> courseIds, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlySet<string>>(courseIds.SelectMany(c => InProgress.GetValueOrDefault(c) ?? []).ToHashSet());

    /// <summary>The activity of the period; the double does not know who did it, so <paramref name="learners"/> is recorded, not applied.</summary>
    public Task<IReadOnlyList<CourseActivity>> GetCourseActivityAsync(DateOnly from, DateOnly to, IReadOnlySet<string> learners, CancellationToken ct = default)
    {
        LastLearners = learners;
        return Task.FromResult<IReadOnlyList<CourseActivity>>(Activity.Where(a => a.On >= from && a.On <= to).Select(a => a.Activity).ToList());
    }

    public IReadOnlySet<string>? LastLearners { get; private set; }

    public Task<IReadOnlyList<OverdueAssignment>> GetOverdueAssignmentsAsync(DateOnly asOf, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<OverdueAssignment>>(Overdue.Where(o => o.DueOn < asOf).ToList());
}
