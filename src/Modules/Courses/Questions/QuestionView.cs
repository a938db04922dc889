using Training.Courses.Data;

namespace Training.Courses.Questions;

/// <summary>One question as the attempt page shows it: to answer (<see cref="Given"/> null) or in review.</summary>
public sealed record QuestionView(int Number, DrawnQuestion Drawn, VersionQuestion Question, GivenAnswer? Given, bool ShowAnswers)
{
    /// <summary>Matches in the order drawn for this attempt (older attempts have none: original order).</summary>
    public IEnumerable<int> MatchOrder => Drawn.MatchOrder ?? Enumerable.Range(0, Question.Accepted.Count);

    public int SelectedAt(int slot) => Given is { } g && slot < g.Selected.Length ? g.Selected[slot] : -1;
}
