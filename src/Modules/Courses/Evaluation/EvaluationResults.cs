using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Organisation;
using Training.Courses.Data;

namespace Training.Courses.Evaluation;

public sealed record LikertResult(int Order, string Text, int Count, decimal Mean, int[] Counts);

public sealed record TextAnswer(int Order, string Item, string Text);

/// <summary>Aggregated results; <see cref="Shown"/> is false (and nothing else is filled) under <see cref="MinAnswers"/>.</summary>
public sealed record EvaluationSummary(int Responses, bool Shown, List<LikertResult> Likert, List<TextAnswer> Comments, int CommentCount);

/// <summary>Aggregates the anonymous sheets of a course in SQL (counts per item and score), optionally only those
/// from a unit scope (HR). No figure or comment leaves here for fewer than <see cref="MinAnswers"/> sheets, so a
/// small group's answers cannot be told apart.</summary>
public sealed class EvaluationResults(CoursesDbContext db)
{
    public const int MinAnswers = 5;
    public const int CommentPage = 50;

    public async Task<EvaluationSummary> SummariseAsync(Guid courseId, UnitScope scope, int commentPage, CancellationToken ct)
    {
        var responses = Responses(courseId, scope);
        var total = await responses.CountAsync(ct);
        if (total < MinAnswers) return new EvaluationSummary(total, false, [], [], 0);
        var items = await db.EvaluationItems.AsNoTracking().Where(i => i.CourseId == courseId).OrderBy(i => i.Order).ToListAsync(ct);
        var answers = db.EvaluationAnswers.AsNoTracking().Where(a => a.CourseId == courseId && responses.Any(r => r.Id == a.ResponseId));
        var counts = await answers.Where(a => a.Score != null)
            .GroupBy(a => new { a.ItemId, a.Score })
            .Select(g => new { g.Key.ItemId, Score = g.Key.Score!.Value, Count = g.Count() })
            .ToListAsync(ct);
        var likert = items.Where(i => i.Kind == EvaluationItemKind.Likert).Select(i =>
        {
            var perScore = new int[5];
            foreach (var c in counts.Where(c => c.ItemId == i.Id && c.Score is >= 1 and <= 5)) perScore[c.Score - 1] = c.Count;
            var n = perScore.Sum();
            var mean = n == 0 ? 0m : Math.Round((decimal)perScore.Select((k, s) => k * (s + 1)).Sum() / n, 2);
            return new LikertResult(i.Order, i.Text, n, mean, perScore);
        }).ToList();
        var texts = answers.Where(a => a.Text != null);
        var commentCount = await texts.CountAsync(ct);
        var byId = items.ToDictionary(i => i.Id);
        // Ordered by item then by the random response id: no order of arrival to read identities from.
        var page = await texts.OrderBy(a => a.ItemId).ThenBy(a => a.ResponseId)
            .Skip(Math.Max(0, commentPage - 1) * CommentPage).Take(CommentPage)
            .Select(a => new { a.ItemId, a.Text }).ToListAsync(ct);
        var comments = page.Where(a => byId.ContainsKey(a.ItemId))
            .Select(a => new TextAnswer(byId[a.ItemId].Order, byId[a.ItemId].Text, a.Text!)).OrderBy(a => a.Order).ToList();
        return new EvaluationSummary(total, true, likert, comments, commentCount);
    }

    /// <summary>Every comment of the course in the scope, for the export (streamed by the caller).</summary>
    public IAsyncEnumerable<TextAnswer> AllComments(Guid courseId, UnitScope scope)
    {
        var responses = Responses(courseId, scope);
        return db.EvaluationAnswers.AsNoTracking()
            .Where(a => a.CourseId == courseId && a.Text != null && responses.Any(r => r.Id == a.ResponseId))
            .Join(db.EvaluationItems, a => a.ItemId, i => i.Id, (a, i) => new { i.Order, i.Text, Answer = a.Text, a.ResponseId })
            .OrderBy(x => x.Order).ThenBy(x => x.ResponseId)
            .Select(x => new TextAnswer(x.Order, x.Text, x.Answer!))
            .AsAsyncEnumerable();
    }

    private IQueryable<EvaluationResponse> Responses(Guid courseId, UnitScope scope)
    {
        var q = db.EvaluationResponses.AsNoTracking().Where(r => r.CourseId == courseId);
        if (!scope.All)
        {
            var units = scope.UnitIds.ToList();
            q = q.Where(r => r.UnitId != null && units.Contains(r.UnitId.Value));
        }
        return q;
    }
}
