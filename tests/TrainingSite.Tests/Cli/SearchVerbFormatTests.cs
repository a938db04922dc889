using System.Text.Json;

namespace Training.Site.Tests.Cli;

/// <summary>Issue 15's "Done when": <c>search --queries FILE --top 10</c> keeps its output format, one JSON line per
/// query with <c>id</c> and <c>hits</c> of <c>law_id</c> and <c>article_id</c>, in the order of the file.</summary>
public sealed class SearchVerbFormatTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "training-cli-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task BatchSearchWritesOneJsonLinePerQueryWithLawAndArticleIds()
    {
        Directory.CreateDirectory(_data);
        var queries = Path.Combine(_data, "queries.jsonl");
        await File.WriteAllLinesAsync(queries,
        [
            """{"id": 17, "text": "hành vi bị nghiêm cấm về an ninh mạng"}""",
            """{"id": "q-2", "text": "quyen cua vien chuc ve hoat dong nghe nghiep"}""",
        ]);
        var environment = new Dictionary<string, string> { ["LegalLibrary__CorpusPath"] = MiniCorpus() };

        var (code, output, error) = await SiteProcess.RunAsync(_data, null, environment, "search", "--queries", queries, "--top", "10");

        Assert.True(code == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal(17, first.RootElement.GetProperty("id").GetInt32());
        Assert.Equal("q-2", second.RootElement.GetProperty("id").GetString());
        var top = first.RootElement.GetProperty("hits")[0];
        Assert.Equal("Luật An ninh mạng", top.GetProperty("law_id").GetString());
        Assert.Equal("8", top.GetProperty("article_id").GetString());
        var secondTop = second.RootElement.GetProperty("hits")[0];
        Assert.Equal(("Luật Viên chức", "11"), (secondTop.GetProperty("law_id").GetString(), secondTop.GetProperty("article_id").GetString()));
        Assert.InRange(first.RootElement.GetProperty("hits").GetArrayLength(), 1, 10);
    }

    /// <summary>The LegalLibrary tests' three-law fixture corpus, found from the repository root.</summary>
    private static string MiniCorpus()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "LegalLibrary.Tests", "Fixtures", "corpus");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("tests/LegalLibrary.Tests/Fixtures/corpus not found above " + AppContext.BaseDirectory);
    }

    public void Dispose()
    {
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }
}
