using System.Text;
using CsvHelper;
using MiniExcelLibs;
using Training.Platform.Exports;

namespace Training.Platform.Tests.Exports;

public sealed class TableExportTests
{
    private sealed record Row(string Name, string Unit);

    private static readonly IReadOnlyList<ExportColumn<Row>> Columns = [new("Họ và tên", r => r.Name), new("Đơn vị", r => r.Unit)];

    private static string Text(byte[] bytes)
    {
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        return Encoding.UTF8.GetString(bytes.AsSpan(3));
    }

    /// <summary>The data rows, read by the columns' headers.</summary>
    private static List<string[]> Read(string text)
    {
        using var csv = CsvReader.FromText(text);
        csv.ReadHeader();
        var rows = new List<string[]>();
        while (csv.Read()) rows.Add([csv.GetString("Họ và tên"), csv.GetString("Đơn vị")]);
        return rows;
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"Xem\")")]
    [InlineData("+1+2")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1:A2)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    public async Task CsvCellsThatASpreadsheetWouldRunAsAFormulaGetALeadingQuote(string value)
    {
        using var output = new AsyncOnlyStream();

        await TableExport.WriteCsvAsync(output, [new Row(value, "Trường THPT Hoa Lư A")], Columns);

        Assert.Equal(["'" + value, "Trường THPT Hoa Lư A"], Assert.Single(Read(Text(output.Written))));
    }

    [Fact]
    public async Task OrdinaryTextIsWrittenAsItIs()
    {
        using var output = new AsyncOnlyStream();

        await TableExport.WriteCsvAsync(output, [new Row("Nguyễn Thị Đồng, \"Hoa\"", "Sở GD&ĐT > Trường A1")], Columns);

        Assert.Equal(["Nguyễn Thị Đồng, \"Hoa\"", "Sở GD&ĐT > Trường A1"], Assert.Single(Read(Text(output.Written))));
    }

    [Fact]
    public async Task CsvOfManyRowsNeverWritesSynchronously()
    {
        using var output = new AsyncOnlyStream();
        var rows = Enumerable.Range(1, 20_000).Select(i => new Row($"Người thứ {i} với một cái tên khá dài để vượt bộ đệm", $"Đơn vị {i % 97}"));

        await TableExport.WriteCsvAsync(output, rows, Columns);

        var read = Read(Text(output.Written));
        Assert.Equal(20_000, read.Count);
        Assert.Equal("Người thứ 20000 với một cái tên khá dài để vượt bộ đệm", read[^1][0]);
    }

    [Fact]
    public async Task CsvFromAnAsyncSourceNeverWritesSynchronously()
    {
        using var output = new AsyncOnlyStream();

        await TableExport.WriteCsvAsync(output, Source(15_000), Columns);

        Assert.Equal(15_000, Read(Text(output.Written)).Count);
    }

    [Fact]
    public async Task XlsxOfManyRowsIsCopiedAsynchronouslyAndReadsBack()
    {
        using var output = new AsyncOnlyStream();
        var rows = Enumerable.Range(1, 12_000).Select(i => new Row($"=Người {i}", $"Đơn vị {i}"));

        await TableExport.WriteXlsxAsync(output, "Cán bộ", rows, Columns);

        using var stream = new MemoryStream(output.Written);
        Assert.Equal(["Cán bộ"], stream.GetSheetNames());
        var read = stream.Query(useHeaderRow: true, sheetName: "Cán bộ").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(12_000, read.Count);
        // An XLSX cell is typed: text stays text (never a formula), so it needs no quote.
        Assert.Equal("=Người 12000", read[^1]["Họ và tên"]);
    }

    private static async IAsyncEnumerable<Row> Source(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            if (i % 1000 == 0) await Task.Yield();
            yield return new Row($"Người {i}", "Đơn vị");
        }
    }
}
