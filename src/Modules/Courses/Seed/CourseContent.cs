using System.Reflection;
using System.Text.Json;
using Training.Courses.Services;

namespace Training.Courses.Seed;

/// <summary>A seeded course as stored in <c>Seed/Content/*.course.json</c>; lessons reference Markdown files beside it.</summary>
public sealed record CourseContent(string Code, string Title, string Summary, string Category, string Audience, decimal Hours,
    int QuizQuestionCount, int PassingPercent, int AttemptLimit, int? TimeLimitMinutes, List<SectionContent> Sections, List<QuestionRow> Questions)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private static readonly Assembly Assembly = typeof(CourseContent).Assembly;

    public static IReadOnlyList<CourseContent> LoadAll() =>
        Assembly.GetManifestResourceNames().Where(n => n.StartsWith("courses-content/", StringComparison.Ordinal) && n.EndsWith(".course.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => JsonSerializer.Deserialize<CourseContent>(Read(n), Json)!)
            .ToList();

    public static string ReadLesson(string file) => Read("courses-content/" + file);

    private static string Read(string name)
    {
        using var stream = Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Missing seed content {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

public sealed record SectionContent(string Title, List<LessonContent> Lessons);

public sealed record LessonContent(string Title, string File);
