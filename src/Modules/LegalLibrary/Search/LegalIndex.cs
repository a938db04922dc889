using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;
using Training.Abstractions.Hosting;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Training.LegalLibrary.Search;

/// <summary>The Lucene index of the library, derived from the database. Each build goes to a new folder under
/// <c>index/legal</c>; the <c>current</c> file names the live one and is replaced atomically, so readers never see
/// a half-built index and a failed build leaves the previous one in place. Each live folder is one
/// <see cref="Generation"/> (one reader for its lifetime, no reopen per query).</summary>
public sealed class LegalIndex : IDisposable
{
    private const string Pointer = "current";
    private readonly string _root;
    private readonly ILogger<LegalIndex> _log;
    private readonly object _swapLock = new();
    private Generation? _current;

    public LegalIndex(TrainingPaths paths, ILogger<LegalIndex> log)
    {
        _root = paths.Folder(Path.Combine("index", "legal"));
        _log = log;
        TryOpenCurrent();
    }

    /// <summary>True once an index is open for searching.</summary>
    public bool IsReady => Volatile.Read(ref _current) is not null;

    public int ArticleCount => Volatile.Read(ref _current)?.Count ?? 0;

    /// <summary>The corpus generation (<c>legal_corpus_state</c>) the live index was built from; 0 for an index built
    /// before generations existed, -1 when no index is open.</summary>
    public long CorpusGeneration => Volatile.Read(ref _current)?.CorpusGeneration ?? -1;

    /// <summary>Held while this node builds and swaps in an index, so an import and the follower never build twice at once.</summary>
    public SemaphoreSlim BuildLock { get; } = new(1, 1);

    private const string GenerationFile = "corpus-generation";
    private const string BuildingMarker = "building";

    internal Generation? Current => Volatile.Read(ref _current);

    public static Analyzer CreateAnalyzer() => new PerFieldAnalyzerWrapper(new VietnameseAnalyzer(false, false), new Dictionary<string, Analyzer>
    {
        [IndexFields.Accented] = new VietnameseAnalyzer(fold: false, bigrams: true),
        [IndexFields.Folded] = new VietnameseAnalyzer(fold: true, bigrams: true),
        [IndexFields.TitleAccented] = new VietnameseAnalyzer(fold: false, bigrams: true),
        [IndexFields.TitleFolded] = new VietnameseAnalyzer(fold: true, bigrams: true),
    });

    /// <summary>Build a new index from the entries into a fresh folder; returns the folder. Does not make it live.</summary>
    public string Build(IEnumerable<IndexEntry> entries, IReadOnlyList<NamedDocument> catalog, int threads = 0, Action<string>? progress = null)
    {
        var folder = Path.Combine(_root, $"gen-{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid().ToString("N")[..6]}");
        // Marks the folder as being built, so another process sharing the data folder (a CLI import beside the running
        // node, which follows the same generation) does not delete it when it activates its own build.
        System.IO.Directory.CreateDirectory(folder);
        var marker = Path.Combine(folder, BuildingMarker);
        File.WriteAllText(marker, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        BuildInto(folder, entries, catalog, threads, progress);
        File.Delete(marker);
        return folder;
    }

    internal static void BuildInto(string folder, IEnumerable<IndexEntry> entries, IReadOnlyList<NamedDocument> catalog, int threads = 0, Action<string>? progress = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        System.IO.Directory.CreateDirectory(folder);
        using var dir = FSDirectory.Open(folder);
        var config = new IndexWriterConfig(VietnameseAnalyzer.Version, CreateAnalyzer())
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity(),
            RAMBufferSizeMB = 512,
            MaxThreadStates = Math.Max(1, threads > 0 ? threads : Environment.ProcessorCount),
            // No merging while adding (each flushed segment stays); one merge into a single segment at the end.
            MergePolicy = new LogByteSizeMergePolicy { MergeFactor = 1000, MaxMergeMB = double.MaxValue },
        };
        using var writer = new IndexWriter(dir, config);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = config.MaxThreadStates };
        Parallel.ForEach(entries, parallel, entry => writer.AddDocument(ToDocument(entry)));
        progress?.Invoke($"analysed in {clock.Elapsed.TotalSeconds:0.0} s");
        // One segment: every query clause seeks its term once instead of once per segment.
        writer.ForceMerge(1);
        writer.Commit();
        progress?.Invoke($"merged into one segment at {clock.Elapsed.TotalSeconds:0.0} s");
        using (var reader = DirectoryReader.Open(dir))
            DiacriticRestorer.FromIndex(reader, IndexFields.Accented).Save(Path.Combine(folder, "restore.tsv"));
        progress?.Invoke($"restorer statistics at {clock.Elapsed.TotalSeconds:0.0} s");
        File.WriteAllLines(Path.Combine(folder, "catalog.tsv"), catalog.Select(c => c.Alias + "\t" + c.FilterKey));
    }

    /// <summary>Analysed text without positions: queries are bags of syllables and syllable bigrams (no phrase
    /// queries), so term frequencies are all BM25 needs; positions would double the postings to write and merge.</summary>
    private static readonly FieldType TextType = new(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS };

    private static Document ToDocument(IndexEntry e)
    {
        var text = e.Title.Length > 0 ? e.Title + "\n" + e.Body : e.Body;
        var doc = new Document
        {
            new StringField(IndexFields.Id, e.ArticleId.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES),
            new StoredField(IndexFields.Canonical, e.CanonicalId),
            new StringField(IndexFields.Doc, e.DocSlug, Field.Store.YES),
            new Field(IndexFields.Accented, text, TextType),
            new Field(IndexFields.Folded, text, TextType),
            new NumericDocValuesField(IndexFields.Copy, e.CanonicalId != e.ArticleId ? 1 : 0),
            // Per-hit data read while ranking, from doc values rather than stored fields (no decompression per hit).
            new NumericDocValuesField(IndexFields.Canonical, e.CanonicalId),
            new NumericDocValuesField(IndexFields.InForce, e.Status == StatusKeys.InForce ? 1 : 0),
        };
        if (e.Title.Length > 0)
        {
            doc.Add(new Field(IndexFields.TitleAccented, e.Title, TextType));
            doc.Add(new Field(IndexFields.TitleFolded, e.Title, TextType));
        }
        foreach (var key in e.Filters.Distinct()) doc.Add(new StringField(IndexFields.Filter, key, Field.Store.NO));
        if (e.LawId is not null) doc.Add(new StoredField(IndexFields.LawId, e.LawId));
        if (e.AlqacArticleId is not null) doc.Add(new StoredField(IndexFields.ArticleId, e.AlqacArticleId));
        AddFacet(doc, "type", e.Type);
        AddFacet(doc, "status", e.Status);
        AddFacet(doc, "issuer", e.Issuer);
        AddFacet(doc, "year", e.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return doc;
    }

    private static void AddFacet(Document doc, string facet, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        doc.Add(new StringField(facet, value, Field.Store.YES));
        doc.Add(new SortedDocValuesField(IndexFields.FacetField(facet), new BytesRef(value)));
    }

    /// <summary>Make a built folder the live index: the pointer file is replaced atomically, then searches move to it.</summary>
    public void Activate(string folder, long? corpusGeneration = null)
    {
        lock (_swapLock)
        {
            if (corpusGeneration is { } g) File.WriteAllText(Path.Combine(folder, GenerationFile), g.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var next = Generation.Open(folder);
            var tmp = Path.Combine(_root, Pointer + ".tmp");
            File.WriteAllText(tmp, Path.GetFileName(folder));
            File.Move(tmp, Path.Combine(_root, Pointer), overwrite: true);
            var previous = Interlocked.Exchange(ref _current, next);
            // Searches that already acquired the old searcher keep their reader until they release it.
            previous?.Dispose();
            DeleteOtherGenerations(Path.GetFileName(folder));
            _log.LogInformation("Legal index now {Folder} ({Count} articles)", Path.GetFileName(folder), next.Count);
        }
    }

    /// <summary>Remove a built folder that was not activated (a failed import).</summary>
    public void Discard(string folder)
    {
        try { System.IO.Directory.Delete(folder, recursive: true); }
        catch (IOException ex) { _log.LogWarning(ex, "Could not delete {Folder}", folder); }
    }

    private void TryOpenCurrent()
    {
        var pointer = Path.Combine(_root, Pointer);
        if (!File.Exists(pointer)) return;
        var folder = Path.Combine(_root, File.ReadAllText(pointer).Trim());
        try
        {
            _current = Generation.Open(folder);
        }
        catch (Exception ex) when (ex is IOException or IndexNotFoundException)
        {
            _log.LogWarning(ex, "The legal index at {Folder} cannot be opened; run reindex", folder);
        }
    }

    private void DeleteOtherGenerations(string keep)
    {
        foreach (var dir in System.IO.Directory.EnumerateDirectories(_root, "gen-*"))
        {
            if (Path.GetFileName(dir) == keep) continue;
            // Still being built by someone (a build left by a crash is removed once it is an hour old).
            var marker = Path.Combine(dir, BuildingMarker);
            if (File.Exists(marker) && File.GetLastWriteTimeUtc(marker) > DateTime.UtcNow.AddHours(-1)) continue;
            try { System.IO.Directory.Delete(dir, recursive: true); }
            catch (IOException) { /* still open on some platforms; removed next time */ }
            catch (UnauthorizedAccessException) { }
        }
    }

    public void Dispose() => Interlocked.Exchange(ref _current, null)?.Dispose();

    /// <summary>One open index folder with what queries need besides Lucene: the restorer, the named documents, the
    /// per-document table and the postings cache. A generation never changes: one reader and one searcher serve its
    /// lifetime. Its reader is reference-counted: a search holds it (<see cref="TryAcquire"/>) while it may read
    /// postings, so a swap during the search closes the reader only when the search releases it.</summary>
    internal sealed class Generation : IDisposable
    {
        private static long _lastId;
        private readonly DirectoryReader _reader;

        private Generation(DirectoryReader reader, DiacriticRestorer restorer, QueryUnderstanding understanding)
        {
            _reader = reader;
            Searcher = new StatisticsCachingSearcher(reader) { Similarity = new BM25Similarity() };
            Restorer = restorer;
            Understanding = understanding;
            Count = reader.NumDocs;
            Table = new ArticleTable(Searcher);
            Postings = new PostingsCache(reader, Searcher);
            Floats = System.Buffers.ArrayPool<float>.Create(Math.Max(16, Table.Count), 64);
            Bytes = System.Buffers.ArrayPool<byte>.Create(Math.Max(16, Table.Count), 64);
        }

        /// <summary>Number of this generation in the process (increasing): what caches of derived data key on, so that
        /// they hold no reference to a generation once it is replaced.</summary>
        public long Id { get; } = Interlocked.Increment(ref _lastId);
        public IndexSearcher Searcher { get; }
        public DiacriticRestorer Restorer { get; }
        public QueryUnderstanding Understanding { get; }
        public int Count { get; }
        /// <summary>The corpus generation this folder was built from (0 when not recorded).</summary>
        public long CorpusGeneration { get; private init; }
        /// <summary>Per-document arrays (canonical article, validity, ALQAC ids, facets).</summary>
        public ArticleTable Table { get; }
        /// <summary>Postings with BM25 contributions of the terms queries use.</summary>
        public PostingsCache Postings { get; }
        /// <summary>Accumulators of the generation's size, returned clean (only touched entries are reset).</summary>
        public System.Buffers.ArrayPool<float> Floats { get; }
        public System.Buffers.ArrayPool<byte> Bytes { get; }

        public static Generation Open(string folder)
        {
            var dir = FSDirectory.Open(folder);
            DirectoryReader? reader = null;
            try
            {
                reader = DirectoryReader.Open(dir);
                // The folder stays open as long as the reader: a search may still hold it after the swap.
                reader.AddReaderDisposedListener(new CloseDirectory(dir));
                var restorer = DiacriticRestorer.Load(Path.Combine(folder, "restore.tsv"));
                var catalogPath = Path.Combine(folder, "catalog.tsv");
                var catalog = File.Exists(catalogPath)
                    ? File.ReadAllLines(catalogPath).Select(l => l.Split('\t')).Where(p => p.Length == 2).Select(p => new NamedDocument(p[0], p[1])).ToList()
                    : [];
                var generationPath = Path.Combine(folder, GenerationFile);
                var corpusGeneration = File.Exists(generationPath) && long.TryParse(File.ReadAllText(generationPath).Trim(), out var g) ? g : 0;
                return new Generation(reader, restorer, new QueryUnderstanding(catalog, restorer)) { CorpusGeneration = corpusGeneration };
            }
            catch
            {
                if (reader is null) dir.Dispose();
                else reader.Dispose();
                throw;
            }
        }

        /// <summary>Keeps the reader open until <see cref="Release"/>; false when the generation was replaced and its
        /// reader closed in the meantime (the caller then takes the current generation).</summary>
        public bool TryAcquire() => _reader.TryIncRef();

        public void Release() => _reader.DecRef();

        /// <summary>Drops the generation's own reference: the reader closes now, or when the last search holding it
        /// releases it.</summary>
        public void Dispose() => _reader.DecRef();

        private sealed class CloseDirectory(LuceneDirectory dir) : IReaderDisposedListener
        {
            public void OnDispose(IndexReader reader) => dir.Dispose();
        }
    }

    /// <summary>A generation's reader never changes, so per-field statistics (asked once per clause of every query, and
    /// rebuilt from the terms dictionaries each time by <see cref="IndexSearcher"/>) are computed once.</summary>
    private sealed class StatisticsCachingSearcher(IndexReader reader) : IndexSearcher(reader)
    {
        private readonly ConcurrentDictionary<string, CollectionStatistics> _stats = new(StringComparer.Ordinal);

        public override CollectionStatistics CollectionStatistics(string field) => _stats.GetOrAdd(field, f => base.CollectionStatistics(f));
    }
}
