using System.Text;
using System.Text.Json;
using Training.Platform.Text;

namespace Training.LegalLibrary.Corpus;

/// <summary>Reads ALQAC <c>law.json</c>: <c>[{"id": LAW_ID, "articles": [{"id": "1", "text": "Title\n\nBody"}]}]</c>.
/// Article ids and the law id are kept (evaluation output uses them).</summary>
public static class AlqacParser
{
    private sealed record Law(JsonElement? Id, List<Article>? Articles);
    private sealed record Article(JsonElement? Id, string? Text);

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static IReadOnlyList<ParsedDocument> Parse(string fileName, byte[] content)
    {
        if (content.Length == 0 || content.All(b => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
            throw new CorpusFormatException(fileName, 1, "the file is empty");
        var span = content.AsSpan();
        if (span.StartsWith(Encoding.UTF8.Preamble)) span = span[3..];
        var reader = new Utf8JsonReader(span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var documents = new List<ParsedDocument>();
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
                throw new CorpusFormatException(fileName, LineAt(span, (int)reader.TokenStartIndex), "expected a JSON array of laws (ALQAC law.json)");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var line = LineAt(span, (int)reader.TokenStartIndex);
                if (reader.TokenType != JsonTokenType.StartObject) throw new CorpusFormatException(fileName, line, "expected a law object");
                var law = JsonSerializer.Deserialize<Law>(ref reader, Json);
                documents.Add(ToDocument(fileName, line, law!, documents.Count));
            }
        }
        catch (JsonException ex)
        {
            throw new CorpusFormatException(fileName, (int)(ex.LineNumber ?? 0) + 1, "malformed JSON: " + FirstSentence(ex.Message));
        }
        if (documents.Count == 0) throw new CorpusFormatException(fileName, 1, "the file holds no law");
        return documents;
    }

    private static ParsedDocument ToDocument(string fileName, int line, Law law, int index)
    {
        var id = law.Id is { } e ? VietnameseText.Clean(e.ToString()) : "";
        if (id.Length == 0) throw new CorpusFormatException(fileName, line, $"law #{index + 1} has no \"id\"");
        if (law.Articles is not { Count: > 0 }) throw new CorpusFormatException(fileName, line, $"law \"{id}\" has no articles");
        var known = KnownDocuments.ForAlqac(id);
        var articles = new List<ParsedArticle>(law.Articles.Count);
        var seen = new HashSet<string>();
        foreach (var a in law.Articles)
        {
            var articleId = a.Id is { } ai ? VietnameseText.Clean(ai.ToString()) : "";
            if (articleId.Length == 0) throw new CorpusFormatException(fileName, line, $"law \"{id}\": an article has no \"id\"");
            if (string.IsNullOrWhiteSpace(a.Text)) throw new CorpusFormatException(fileName, line, $"law \"{id}\", article {articleId}: empty text");
            if (!seen.Add(articleId)) throw new CorpusFormatException(fileName, line, $"law \"{id}\": article {articleId} appears twice");
            var (title, body) = SplitTitle(a.Text);
            articles.Add(new ParsedArticle(TextLines.Key("dieu", articleId), articleId, title, body, "", AlqacArticleId: articleId));
        }
        return new ParsedDocument(known.Slug, known.Number, known.Type, known.Title, known.Issuer, known.IssueDate, known.EffectiveDate,
            "alqac", id, fileName, articles);
    }

    /// <summary>The first line is the article title when there is more text after it and it reads like a heading
    /// (short, no closing punctuation, not a numbered clause); Hiến pháp articles have no title.</summary>
    internal static (string Title, string Body) SplitTitle(string text)
    {
        var lines = text.Replace("\r", "").Split('\n');
        var first = TextLines.CleanLine(lines[0]);
        var rest = lines.Skip(1).ToList();
        var looksLikeTitle = rest.Any(l => l.Trim().Length > 0) && first.Length is > 0 and <= 250
            && !first.EndsWith('.') && !first.EndsWith(';') && !first.EndsWith(':') && !ArticleBody.IsClauseStart(first);
        return looksLikeTitle ? (first.TrimEnd('.'), TextLines.JoinParagraphs(rest)) : ("", TextLines.JoinParagraphs(lines));
    }

    private static int LineAt(ReadOnlySpan<byte> content, int index)
    {
        var line = 1;
        foreach (var b in content[..Math.Min(index, content.Length)]) if (b == (byte)'\n') line++;
        return line;
    }

    private static string FirstSentence(string message) => message.Split(" Path:")[0];
}
