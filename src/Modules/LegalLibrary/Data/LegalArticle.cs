namespace Training.LegalLibrary.Data;

/// <summary>An article (Điều) of a document, or a section of a plan. Clauses and points are parsed
/// from <see cref="Body"/> when shown (<see cref="Corpus.ArticleBody"/>), so anchors follow the text.</summary>
public sealed class LegalArticle
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public LegalDocument? Document { get; set; }
    /// <summary>URL segment within the document: <c>dieu-8</c>, <c>dieu-1-11-lq-1</c>, <c>muc-ii</c>.</summary>
    public string Key { get; set; } = "";
    /// <summary>Article number as written: <c>8</c>, <c>1.11.LQ.1</c>, <c>II</c>.</summary>
    public string Number { get; set; } = "";
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    /// <summary>Headings above the article: Phần / Chương / Mục, joined by " › ".</summary>
    public string Path { get; set; } = "";
    /// <summary>Pháp điển source note, e.g. <c>Điều 1 Luật số 86/2015/QH13 ...</c>.</summary>
    public string? SourceNote { get; set; }
    /// <summary>Number of the document the article was taken from (normalised), e.g. <c>86/2015/QH13</c>.</summary>
    public string? SourceNumber { get; set; }
    /// <summary>Article number in the source document.</summary>
    public string? SourceArticle { get; set; }
    /// <summary>Name of the source document as the note gives it, e.g. <c>Luật An toàn thông tin mạng</c>.</summary>
    public string? SourceTitle { get; set; }
    public string? AlqacArticleId { get; set; }
    public int Ordinal { get; set; }
    /// <summary>Hash of the imported content, so re-imports only touch what changed.</summary>
    public string ContentHash { get; set; } = "";

    public string Heading => Number.Length == 0 ? Title
        : char.IsAsciiDigit(Number[0]) ? $"Điều {Number}. {Title}".TrimEnd(' ', '.')
        : $"{Number}. {Title}";
}
