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

    /// <summary>XLSX of one or more sheets. MiniExcel writes rows as they are enumerated; the zip goes to a temporary
    /// file first (it needs a seekable stream) and is then copied to <paramref name="output"/>, so memory stays flat.</summary>
    public static async Task WriteXlsxAsync(Stream output, IReadOnlyDictionary<string, IEnumerable<IDictionary<string, object?>>> sheets, CancellationToken ct = default)
    {
        var path = Path.Combine(Path.GetTempPath(), $"rpt-{Guid.NewGuid():N}.xlsx");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var value = sheets.ToDictionary(s => s.Key, s => (object)s.Value);
        await file.SaveAsAsync(value, printHeader: true, excelType: ExcelType.XLSX, cancellationToken: ct);
        file.Position = 0;
        await file.CopyToAsync(output, ct);
    }

    public static IEnumerable<IDictionary<string, object?>> Sheet<T>(IEnumerable<T> rows, IReadOnlyList<Column<T>> columns)
    {
        foreach (var row in rows)
        {
            var cells = new Dictionary<string, object?>(columns.Count);
            foreach (var c in columns) cells[c.Header] = c.Value(row);
            yield return cells;
        }
    }

    public static IResult Csv<T>(string fileName, IEnumerable<T> rows, IReadOnlyList<Column<T>> columns) =>
        Results.Stream(stream => WriteCsvAsync(stream, rows, columns), CsvType, fileName + ".csv");

    public static IResult Xlsx<T>(string fileName, string sheet, IEnumerable<T> rows, IReadOnlyList<Column<T>> columns) =>
        Results.Stream(stream => WriteXlsxAsync(stream, new Dictionary<string, IEnumerable<IDictionary<string, object?>>> { [sheet] = Sheet(rows, columns) }),
            XlsxType, fileName + ".xlsx");
}
