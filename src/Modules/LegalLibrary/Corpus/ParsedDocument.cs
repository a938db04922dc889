namespace Training.LegalLibrary.Corpus;

/// <summary>A document as read from a corpus file, validated before anything is written.</summary>
public sealed record ParsedDocument(
    string Slug, string Number, string Type, string Title, string Issuer, DateOnly? IssueDate, DateOnly? EffectiveDate,
    string Format, string? AlqacLawId, string SourceFile, IReadOnlyList<ParsedArticle> Articles);

/// <summary>An article (or plan section) as read from a corpus file.</summary>
public sealed record ParsedArticle(
    string Key, string Number, string Title, string Body, string Path,
    string? SourceNote = null, string? SourceNumber = null, string? SourceArticle = null, string? SourceTitle = null,
    string? AlqacArticleId = null);

/// <summary>A corpus file that cannot be imported; the message names the file and the line.</summary>
public sealed class CorpusFormatException(string file, int line, string problem)
    : Exception($"{file}:{line}: {problem}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string Problem { get; } = problem;
}
