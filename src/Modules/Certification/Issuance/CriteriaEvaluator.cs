using Training.Certification.Data;

namespace Training.Certification.Issuance;

/// <summary>Whether a person's course results meet a programme's criteria: all listed courses (or any N of them),
/// each passed with at least the minimum score, completed on or after <c>countFrom</c> (the start of a new cycle).</summary>
public static class CriteriaEvaluator
{
    public sealed record Outcome(bool Met, decimal? AverageScore, IReadOnlyList<string> CompletedCodes, IReadOnlyList<string> MissingCodes);

    public static Outcome Evaluate(Programme programme, IEnumerable<CourseResult> results, DateTimeOffset? countFrom = null)
    {
        var codes = programme.CourseCodeList;
        var best = results
            .Where(r => r.ScorePercent >= programme.MinScore && (countFrom is null || r.CompletedAt >= countFrom))
            .GroupBy(r => r.CourseCode, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Max(r => r.ScorePercent), StringComparer.OrdinalIgnoreCase);
        var done = codes.Where(best.ContainsKey).ToList();
        var missing = codes.Where(c => !best.ContainsKey(c)).ToList();
        var needed = programme.Needed;
        if (needed == 0 || done.Count < needed) return new Outcome(false, null, done, missing);
        var average = done.Select(c => best[c]).OrderDescending().Take(needed).Average();
        return new Outcome(true, Math.Round(average, 1), done, missing);
    }
}
