using System.Text;

namespace Training.LegalLibrary.Corpus;

/// <summary>Reads a corpus folder in the <c>../shared/corpus</c> layout: <c>laws/*.json</c> (ALQAC), <c>phapdien/*.md</c>,
/// <c>plans/*.txt</c>. Everything is parsed and validated before the caller writes anything; the first problem
/// stops the read with a <see cref="CorpusFormatException"/> naming the file and line.</summary>
public static class CorpusReader
{
    public static IReadOnlyList<ParsedDocument> Read(string folder, Action<string>? progress = null)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"Corpus folder not found: {folder}");
        var documents = new List<ParsedDocument>();
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        foreach (var path in files)
        {
            var relative = Path.GetRelativePath(folder, path).Replace('\\', '/');
            var name = Path.GetFileName(path);
            if (name.StartsWith('.') || IsReadme(relative)) continue;
            var parsed = ReadFile(relative, path);
            progress?.Invoke($"{relative}: {parsed.Count} document(s), {parsed.Sum(d => d.Articles.Count)} article(s)");
            documents.AddRange(parsed);
        }
        if (documents.Count == 0) throw new CorpusFormatException(folder, 1, "no corpus file (laws/*.json, phapdien/*.md, plans/*.txt) found");
        var dup = documents.GroupBy(d => d.Slug).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new CorpusFormatException(dup.Last().SourceFile, 1, $"document \"{dup.Key}\" is already defined in {dup.First().SourceFile}");
        return FillSourceTitles(documents);
    }

    /// <summary>Only the README at the top of the folder is documentation; anything else must be a corpus file.</summary>
    private static bool IsReadme(string relative) => !relative.Contains('/') && relative.StartsWith("README", StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyList<ParsedDocument> ReadFile(string relative, string path)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        var bytes = File.ReadAllBytes(path);
        return ext switch
        {
            ".json" => AlqacParser.Parse(relative, bytes),
            ".md" => [PhapDienParser.Parse(relative, Decode(relative, bytes))],
            ".txt" => [PlanParser.Parse(relative, Decode(relative, bytes))],
            _ => throw new CorpusFormatException(relative, 1, $"unknown format \"{ext}\": expected .json (ALQAC), .md (pháp điển) or .txt (plan)"),
        };
    }

    private static string Decode(string file, byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw new CorpusFormatException(file, 1, "not UTF-8 text");
        }
    }

    /// <summary>Notes name their source only the first time ("Luật số 24/2018/QH14 An ninh mạng ngày ..."); later notes
    /// give the number alone. Every article gets the name.</summary>
    private static List<ParsedDocument> FillSourceTitles(List<ParsedDocument> documents)
    {
        var titles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var a in documents.SelectMany(d => d.Articles))
            if (a.SourceNumber is not null && a.SourceTitle is not null) titles.TryAdd(a.SourceNumber, a.SourceTitle);
        foreach (var (number, title) in KnownDocuments.Titles) titles.TryAdd(number, title);
        return documents.Select(d => d with
        {
            Articles = d.Articles.Select(a => a.SourceNumber is not null && a.SourceTitle is null && titles.TryGetValue(a.SourceNumber, out var t)
                ? a with { SourceTitle = t } : a).ToList(),
        }).ToList();
    }
}
