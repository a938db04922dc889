using Training.Courses.Data;

namespace Training.Courses.Questions;

/// <summary>Item statistics for every question of a version from its submitted attempts (streamed once).</summary>
public static class ItemAnalysis
{
    public static async Task<Dictionary<Guid, ItemStatistics>> ComputeAsync(IAsyncEnumerable<List<GivenAnswer>> attempts, CancellationToken ct)
    {
        var stats = new Dictionary<Guid, ItemStatistics>();
        await foreach (var answers in attempts.WithCancellation(ct))
        {
            if (answers.Count < 2) continue;
            var total = answers.Sum(a => a.Earned);
            foreach (var a in answers)
            {
                if (!stats.TryGetValue(a.QuestionId, out var s)) stats[a.QuestionId] = s = new ItemStatistics();
                s.Add(a.Earned, (total - a.Earned) / (answers.Count - 1));
            }
        }
        return stats;
    }
}
