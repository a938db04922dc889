using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Training.LegalLibrary.Search;

/// <summary>Per-document data a search needs besides the postings, read once per index generation into arrays: the
/// canonical article (copies fold into it), validity, the ALQAC ids and the facet values.</summary>
internal sealed class ArticleTable
{
    public int Count { get; }
    /// <summary>Library article id of each document.</summary>
    public int[] ArticleId { get; }
    /// <summary>Library article id of the canonical article (a copy's source, else the article itself).</summary>
    public int[] Canonical { get; }
    /// <summary>Index document of the canonical article.</summary>
    public int[] CanonicalDoc { get; }
    public bool[] Copy { get; }
    public bool[] InForce { get; }
    public string?[] LawId { get; }
    public string?[] AlqacArticleId { get; }
    /// <summary>Per facet (<see cref="IndexFields.Facets"/>): its values, and each document's value index (−1: none).</summary>
    public string[][] FacetValues { get; }
    public int[][] FacetOrd { get; }

    public ArticleTable(IndexSearcher searcher)
    {
        var reader = searcher.IndexReader;
        Count = reader.MaxDoc;
        ArticleId = new int[Count];
        Canonical = new int[Count];
        CanonicalDoc = new int[Count];
        Copy = new bool[Count];
        InForce = new bool[Count];
        LawId = new string?[Count];
        AlqacArticleId = new string?[Count];
        FacetOrd = IndexFields.Facets.Select(_ => Enumerable.Repeat(-1, Count).ToArray()).ToArray();
        var values = IndexFields.Facets.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        var docOfArticle = new Dictionary<int, int>();
        var fields = new HashSet<string> { IndexFields.Id, IndexFields.LawId, IndexFields.ArticleId };
        var bytes = new Lucene.Net.Util.BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var r = leaf.AtomicReader;
            var canonical = r.GetNumericDocValues(IndexFields.Canonical);
            var copy = r.GetNumericDocValues(IndexFields.Copy);
            var inForce = r.GetNumericDocValues(IndexFields.InForce);
            var facets = IndexFields.Facets.Select(f => r.GetSortedDocValues(IndexFields.FacetField(f))).ToArray();
            for (var local = 0; local < r.MaxDoc; local++)
            {
                var doc = leaf.DocBase + local;
                var stored = r.Document(local, fields);
                ArticleId[doc] = int.Parse(stored.Get(IndexFields.Id), System.Globalization.CultureInfo.InvariantCulture);
                docOfArticle[ArticleId[doc]] = doc;
                LawId[doc] = stored.Get(IndexFields.LawId);
                AlqacArticleId[doc] = stored.Get(IndexFields.ArticleId);
                Canonical[doc] = (int)(canonical?.Get(local) ?? 0);
                Copy[doc] = copy?.Get(local) is { } c && c != 0;
                InForce[doc] = inForce?.Get(local) is { } i && i != 0;
                for (var f = 0; f < facets.Length; f++)
                {
                    var ord = facets[f]?.GetOrd(local) ?? -1;
                    if (ord < 0) continue;
                    facets[f]!.LookupOrd(ord, bytes);
                    var value = bytes.Utf8ToString();
                    if (!values[f].TryGetValue(value, out var index)) values[f][value] = index = values[f].Count;
                    FacetOrd[f][doc] = index;
                }
            }
        }
        for (var d = 0; d < Count; d++) CanonicalDoc[d] = docOfArticle.GetValueOrDefault(Canonical[d], d);
        FacetValues = values.Select(v => v.OrderBy(kv => kv.Value).Select(kv => kv.Key).ToArray()).ToArray();
    }

    /// <summary>Index of a facet value, −1 when no document has it.</summary>
    public int Ordinal(int facet, string value) => Array.IndexOf(FacetValues[facet], value);
}
