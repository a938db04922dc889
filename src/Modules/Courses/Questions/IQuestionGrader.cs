using Training.Courses.Data;

namespace Training.Courses.Questions;

/// <summary>What a learner sent for one question: chosen indexes (meaning depends on the kind, see
/// <see cref="GivenAnswer"/>) and typed text.</summary>
public sealed record QuestionResponse(int[] Selected, string? Text = null)
{
    public static readonly QuestionResponse None = new([]);
    public bool IsEmpty => Selected.All(i => i < 0) && string.IsNullOrWhiteSpace(Text);
}

/// <summary>Grading of one question kind: the shape check of a response and its credit from 0 to 1.</summary>
public interface IQuestionGrader
{
    QuestionKind Kind { get; }

    /// <summary>Null when the response fits the question (indexes in range, text within limits), else the refusal.</summary>
    string? Check(VersionQuestion question, QuestionResponse response);

    /// <summary>Credit between 0 and 1; 1 means fully right.</summary>
    decimal Credit(VersionQuestion question, QuestionResponse response);
}
