using CsvHelper;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using MiniExcelLibs;

namespace Training.Platform.Exports;

/// <summary>A column of an exported list: Vietnamese header and how to read the cell from a row.</summary>
public sealed record ExportColumn<T>(string Header, Func<T, string?> Value);

/// <summary>The one way every module writes a list as CSV or XLSX. Both write to the response asynchronously only:
/// Kestrel refuses synchronous writes, and a writer that flushes synchronously once its buffer fills (~64 KB) cuts the
/// download off after a few hundred rows (issue 10, item 7).</summary>
public static class TableExport
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>UTF-8 with BOM so Excel reads Vietnamese; a text cell starting with <c>= + - @</c>, tab or CR gets a
    /// leading <c>'</c> (CsvHelper's OWASP CSV-injection rule), so a spreadsheet shows it as text instead of running it.</summary>
    public static CsvWriterOptions CsvOptions { get; } = CsvWriterOptions.Default with
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
    };

    public static async Task WriteCsvAsync<T>(Stream output, IEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns, CancellationToken ct = default)
    {
        await using var csv = CsvWriter.Create(output, CsvOptions, leaveOpen: true);
        csv.WriteHeader(columns.Select(c => c.Header).ToArray());
        var fields = new string?[columns.Count];
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++) fields[i] = columns[i].Value(row);
            await csv.WriteRecordAsync(fields!, ct);
        }
        await csv.FlushAsync(ct);
    }

    /// <summary>Rows read from the database as they are written (e.g. an EF query's <c>AsAsyncEnumerable()</c>).</summary>
    public static async Task WriteCsvAsync<T>(Stream output, IAsyncEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns, CancellationToken ct = default)
    {
        await using var csv = CsvWriter.Create(output, CsvOptions, leaveOpen: true);
        csv.WriteHeader(columns.Select(c => c.Header).ToArray());
        var fields = new string?[columns.Count];
        await foreach (var row in rows.WithCancellation(ct))
        {
            for (var i = 0; i < columns.Count; i++) fields[i] = columns[i].Value(row);
            await csv.WriteRecordAsync(fields!, ct);
        }
        await csv.FlushAsync(ct);
    }

    /// <summary>XLSX of one or more sheets (each a data reader, e.g. <see cref="ColumnDataReader{T}"/>, or a list of
    /// dictionaries). MiniExcel writes rows as they are read into a delete-on-close temporary file (it opens the zip in
    /// update mode, which needs a seekable stream), then the file is copied to <paramref name="output"/> asynchronously:
    /// memory stays flat. MiniExcel's synchronous writer is used on purpose: its asynchronous one awaits per cell and is
    /// about twice as slow; it only writes to the local temporary file, never to the client. The rows are enumerated on
    /// that worker thread too (an EF query runs there synchronously, never on a request thread).</summary>
    public static async Task WriteXlsxAsync(Stream output, IReadOnlyDictionary<string, object> sheets, CancellationToken ct = default)
    {
        var path = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.xlsx");
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
        await output.FlushAsync(ct);
    }

    public static Task WriteXlsxAsync<T>(Stream output, string sheet, IEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns, CancellationToken ct = default) =>
        WriteXlsxAsync(output, new Dictionary<string, object> { [sheet] = new ColumnDataReader<T>(rows, columns) }, ct);

    public static IResult Csv<T>(string fileName, IEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns) =>
        Results.Stream(stream => WriteCsvAsync(stream, rows, columns), CsvType, fileName + ".csv");

    public static IResult Xlsx<T>(string fileName, string sheet, IEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns) =>
        Results.Stream(stream => WriteXlsxAsync(stream, sheet, rows, columns), XlsxType, fileName + ".xlsx");

    /// <summary>Sets the headers of a download written straight to <see cref="HttpResponse.Body"/> (Razor Pages handlers).</summary>
    public static void StartDownload(HttpResponse response, string contentType, string fileName)
    {
        response.ContentType = contentType;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
    }
}
