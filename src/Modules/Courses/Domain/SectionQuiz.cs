using Training.Courses.Services;

namespace Training.Courses.Domain;

/// <summary>A section's quiz in a published version: the section's order and title and the questions drawn per attempt.
/// Its pass mark, attempt limit, time limit and review mode are the version's quiz settings.</summary>
public sealed record SectionQuiz(int Order, string Title, int QuestionCount)
{
    /// <summary>The sections of an outline that have a quiz, in course order.</summary>
    public static List<SectionQuiz> Of(IEnumerable<OutlineLesson> outline) =>
        outline.Where(l => l.SectionQuizCount > 0).GroupBy(l => l.SectionOrder).OrderBy(g => g.Key)
            .Select(g => new SectionQuiz(g.Key, g.First().SectionTitle, g.First().SectionQuizCount)).ToList();

    /// <summary>The quiz page: <c>/courses/{code}/quiz</c> for the final quiz, <c>/courses/{code}/quiz/{order}</c> for a section's.</summary>
    public static string Path(string code, int section) => section == 0 ? $"/courses/{code}/quiz" : $"/courses/{code}/quiz/{section}";

    /// <summary>Name of the quiz in xAPI statements.</summary>
    public static string Name(string courseTitle, SectionQuiz? quiz) =>
        quiz is null ? $"Bài kiểm tra: {courseTitle}" : $"Bài kiểm tra phần «{quiz.Title}»: {courseTitle}";
}

/// <summary>A section quiz with the learner's submitted attempts and whether one passed.</summary>
public sealed record SectionQuizStatus(SectionQuiz Quiz, int Submitted, bool Passed);
