using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Training.LegalLibrary.Search;

/// <summary>Counts matching articles per facet value (type, status, issuer, year) from sorted doc values, segment by
/// segment, without loading stored fields. Copies of articles shown elsewhere are not counted.</summary>
internal sealed class FacetCounter : ICollector
{
    private readonly Dictionary<string, Dictionary<string, int>> _counts = IndexFields.Facets.ToDictionary(f => f, _ => new Dictionary<string, int>());
    private readonly SortedDocValues?[] _values = new SortedDocValues?[IndexFields.Facets.Length];
    private readonly int[][] _segmentCounts = new int[IndexFields.Facets.Length][];
    private NumericDocValues? _copy;

    public int Total { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void Collect(int doc)
    {
        if (_copy is not null && _copy.Get(doc) != 0) return;
        Total++;
        for (var f = 0; f < _values.Length; f++)
        {
            var ord = _values[f]?.GetOrd(doc) ?? -1;
            if (ord >= 0) _segmentCounts[f][ord]++;
        }
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        var reader = context.AtomicReader;
        _copy = reader.GetNumericDocValues(IndexFields.Copy);
        for (var f = 0; f < _values.Length; f++)
        {
            _values[f] = reader.GetSortedDocValues(IndexFields.FacetField(IndexFields.Facets[f]));
            _segmentCounts[f] = new int[_values[f]?.ValueCount ?? 0];
        }
    }

    public IReadOnlyDictionary<string, IReadOnlyList<(string Value, int Count)>> Result()
    {
        Flush();
        return _counts.ToDictionary(kv => kv.Key,
            kv => (IReadOnlyList<(string, int)>)kv.Value.OrderByDescending(x => x.Value).ThenBy(x => x.Key, StringComparer.Ordinal).Select(x => (x.Key, x.Value)).ToList());
    }

    private void Flush()
    {
        var bytes = new BytesRef();
        for (var f = 0; f < _values.Length; f++)
        {
            var values = _values[f];
            if (values is null) continue;
            var counts = _segmentCounts[f];
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0) continue;
                values.LookupOrd(ord, bytes);
                var key = bytes.Utf8ToString();
                _counts[IndexFields.Facets[f]][key] = _counts[IndexFields.Facets[f]].GetValueOrDefault(key) + counts[ord];
                counts[ord] = 0;
            }
            _values[f] = null;
        }
    }
}
