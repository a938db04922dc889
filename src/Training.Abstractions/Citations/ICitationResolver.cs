namespace Training.Abstractions.Citations;

/// <summary>Resolves a citation written in a lesson, e.g. <c>Luật An ninh mạng, Điều 8</c> or
/// <c>24/2018/QH14 Điều 8 khoản 2</c>, to an article or clause of the legal library.</summary>
public interface ICitationResolver
{
    /// <summary>Resolve one citation text (without the surrounding brackets).</summary>
    Task<CitationResult> ResolveAsync(string citation, CancellationToken ct = default);
}

/// <summary>The outcome of resolving a citation.</summary>
/// <param name="Url">Stable URL of the article, with a clause anchor when a clause was cited.</param>
/// <param name="Title">Article title, used as the link title.</param>
/// <param name="ArticleKey">Stable key of the article (document slug and article anchor) used to list citing lessons.</param>
/// <param name="Error">Vietnamese message shown to the author when the citation did not resolve.</param>
public sealed record CitationResult(bool Resolved, string? Url, string? Title, string? Label, string? ArticleKey, string? Error)
{
    /// <summary>A failed resolution with a message for the author.</summary>
    public static CitationResult Fail(string error) => new(false, null, null, null, null, error);
}

/// <summary>Lessons that cite legal articles, provided by the Courses module to the legal library pages.</summary>
public interface ICitingLessonSource
{
    /// <summary>Published lessons citing the article with the given key.</summary>
    Task<IReadOnlyList<CitingLesson>> GetLessonsCitingAsync(string articleKey, CancellationToken ct = default);
}

/// <summary>A lesson that cites an article.</summary>
public sealed record CitingLesson(string CourseTitle, string LessonTitle, string Url);
