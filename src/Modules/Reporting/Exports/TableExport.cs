using CsvHelper;
using Microsoft.AspNetCore.Http;
using MiniExcelLibs;

namespace Training.Reporting.Exports;

/// <summary>A column of an exported list: Vietnamese header and how to read the cell from a row.</summary>
public sealed record Column<T>(string Header, Func<T, string?> Value);

/// <summary>Writes any list as CSV (UTF-8 with BOM so Excel reads Vietnamese) or XLSX (MiniExcel), row by row.</summary>
public static class TableExport
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task WriteCsvAsync<T>(Stream output, IEnumerable<T> rows, IReadOnlyList<Column<T>> columns, CancellationToken ct = default)
    {
        await using var csv = CsvWriter.Create(output, CsvWriterOptions.Default with { WriteByteOrderMark = true }, leaveOpen: true);
        csv.WriteHeader(columns.Select(c => c.Header).ToArray());
        var fields = new string?[columns.Count];
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++) fields[i] = columns[i].Value(row);
            await csv.WriteRecordAsync(fields!, ct);
        }
        await csv.FlushAsync(ct);
    }

    /// <summary>XLSX of one or more sheets (each a data reader, e.g. <see cref="ColumnDataReader{T}"/>, or a list of
    /// dictionaries). MiniExcel writes rows as they are read into a delete-on-close temporary file (it opens the zip in
    /// update mode, which needs a seekable stream), then the file is copied to <paramref name="output"/>: memory stays flat.
    /// MiniExcel's synchronous writer is used on purpose: its asynchronous one awaits per cell and is about twice as slow;
    /// it only writes to the local temporary file, never to the client.</summary>
    public static async Task WriteXlsxAsync(Stream output, IReadOnlyDictionary<string, object> sheets, CancellationToken ct = default)
    {
        var path = Path.Combine(Path.GetTempPath(), $"rpt-{Guid.NewGuid():N}.xlsx");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var value = sheets.ToDictionary(s => s.Key, s => s.Value);
        try
        {
            await Task.Run(() => file.SaveAs(value, printHeader: true, excelType: ExcelType.XLSX), ct);
        }
        finally
        {
            foreach (var sheet in sheets.Values) (sheet as IDisposable)?.Dispose();
        }
        file.Position = 0;
        await file.CopyToAsync(output, ct);
    }

    public static IResult Csv<T>(string fileName, IEnumerable<T> rows, IReadOnlyList<Column<T>> columns) =>
        Results.Stream(stream => WriteCsvAsync(stream, rows, columns), CsvType, fileName + ".csv");

    public static IResult Xlsx<T>(string fileName, string sheet, IEnumerable<T> rows, IReadOnlyList<Column<T>> columns) =>
        Results.Stream(stream => WriteXlsxAsync(stream, new Dictionary<string, object> { [sheet] = new ColumnDataReader<T>(rows, columns) }),
            XlsxType, fileName + ".xlsx");
}
