using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Training.LegalLibrary.Search;

namespace Training.LegalLibrary.Tests.Search;

public sealed class RestorerTests
{
    [Fact]
    public void StatisticsFromTheIndexTermsRestoreDiacritics()
    {
        using var dir = new RAMDirectory();
        using (var writer = new IndexWriter(dir, new IndexWriterConfig(VietnameseAnalyzer.Version, LegalIndex.CreateAnalyzer())))
        {
            foreach (var text in new[] { "Bảo vệ an ninh mạng.", "bảo vệ an ninh mạng; mạng lưới", "màng lọc, an ninh quốc gia", "Màng lọc nước", "Điều 8 khoản 2" })
                writer.AddDocument(new Document { new TextField("acc", text, Field.Store.NO) });
        }
        using var reader = DirectoryReader.Open(dir);
        var restorer = DiacriticRestorer.FromIndex(reader, "acc");
        Assert.Equal(["bảo", "vệ", "an", "ninh", "mạng"], restorer.Restore(["bao", "ve", "an", "ninh", "mang"]));
        // "màng lọc" is seen twice: the pair outweighs the more frequent syllable "mạng".
        Assert.Equal(["màng", "lọc"], restorer.Restore(["mang", "loc"]));
    }
}
