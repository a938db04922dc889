using System.Globalization;
using System.Net.Mail;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using Training.Abstractions.Text;
using Training.Platform.Text;

namespace Training.Organisation.Roster;

/// <summary>Reads a roster CSV (UTF-8 with or without BOM, comma or semicolon) into validated rows, one line at a time
/// (<see cref="Read"/>), collecting every error by line and column instead of stopping at the first. Checks across rows
/// (duplicate codes and e-mails) are the importer's, in SQL over its staging table.</summary>
public static partial class RosterParser
{
    public const char UnitSeparator = '>';

    /// <summary>Most further units (kiêm nhiệm) one person may hold.</summary>
    public const int MaxExtraUnits = 20;

    /// <summary>Position and category are stored in 200-character columns.</summary>
    public const int MaxPositionLength = TextLimits.Name;

    public static RosterError NotUtf8 { get; } = new(0, "Tệp", "Tệp không phải văn bản UTF-8. Hãy lưu lại tệp CSV với mã hóa UTF-8.");
    public static RosterError NoRows { get; } = new(0, "Tệp", "Tệp không có dòng dữ liệu nào.");

    /// <summary>The file's lines one at a time, each validated on its own (row and field named in every error, added to
    /// <paramref name="errors"/>), holding only the current line. Every non-blank line is returned, valid or not, with
    /// its staff code and e-mail when those are well formed, so that duplicates can be found across the whole file.
    /// Throws <see cref="DecoderFallbackException"/> when the file is not UTF-8 (callers report <see cref="NotUtf8"/>).</summary>
    public static IEnumerable<ParsedLine> Read(Stream stream, List<RosterError> errors)
    {
        if (IsBlank(stream))
        {
            errors.Add(new RosterError(0, "Tệp", "Tệp rỗng."));
            yield break;
        }
        using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var options = CsvReaderOptions.Default with { TrimWhitespace = true, TrackLineNumbers = true, SkipEmptyLines = true };
        using var csv = CsvReader.Create(reader, options, leaveOpen: true);
        var header = csv.Headers.ToArray();
        if (header.Length == 0)
        {
            errors.Add(new RosterError(1, "Tiêu đề", "Không đọc được dòng tiêu đề."));
            yield break;
        }

        var columns = MapHeader(header, errors);
        if (errors.Count > 0) yield break;

        while (csv.Read())
        {
            var line = (int)csv.LineNumber;
            string? Get(string column) =>
                columns.TryGetValue(column, out var index) && index < csv.FieldCount && VietnameseText.Clean(csv.GetString(index)) is { Length: > 0 } v ? v : null;

            if (Enumerable.Range(0, csv.FieldCount).All(i => string.IsNullOrWhiteSpace(csv.GetString(i)))) continue;
            var rowErrors = new List<RosterError>();
            var code = Get(RosterColumns.StaffCode);
            var name = Get(RosterColumns.FullName);
            var email = Get(RosterColumns.Email);
            var unit = Get(RosterColumns.Unit);

            var codeValid = code is not null && StaffCodePattern().IsMatch(code);
            if (code is null) rowErrors.Add(new(line, RosterColumns.StaffCode, "Thiếu mã cán bộ."));
            else if (!codeValid) rowErrors.Add(new(line, RosterColumns.StaffCode, $"Mã cán bộ «{Quote(code)}» chỉ được gồm chữ cái không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới (2–32 ký tự)."));

            if (name is null) rowErrors.Add(new(line, RosterColumns.FullName, "Thiếu họ và tên."));
            else if (name.Length > TextLimits.Name) rowErrors.Add(new(line, RosterColumns.FullName, $"Họ và tên dài {name.Length} ký tự, tối đa {TextLimits.Name}."));
            else if (!name.All(c => char.IsLetter(c) || c is ' ' or '-' or '\'' or '.'))
                rowErrors.Add(new(line, RosterColumns.FullName, $"Họ và tên «{Quote(name)}» không hợp lệ (chỉ gồm chữ cái, khoảng trắng, dấu gạch ngang, dấu nháy đơn, dấu chấm)."));

            var emailValid = false;
            if (email is not null)
            {
                if (email.Length > TextLimits.Email) rowErrors.Add(new(line, RosterColumns.Email, $"Email dài {email.Length} ký tự, tối đa {TextLimits.Email}."));
                else if (!IsEmail(email)) rowErrors.Add(new(line, RosterColumns.Email, $"Email «{Quote(email)}» không hợp lệ."));
                else emailValid = true;
            }

            var unitPath = unit is null ? [] : SplitPath(unit);
            if (unitPath.Count == 0) rowErrors.Add(new(line, RosterColumns.Unit, $"Thiếu đơn vị (ghi đường dẫn, ví dụ «Sở Giáo dục và Đào tạo Ninh Bình {UnitSeparator} Phòng Tổ chức cán bộ»)."));
            else CheckPath(unitPath, line, RosterColumns.Unit, rowErrors);

            var extra = (Get(RosterColumns.ExtraUnits) ?? "")
                .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(SplitPath).Where(p => p.Count > 0).ToList();
            if (extra.Count > MaxExtraUnits) rowErrors.Add(new(line, RosterColumns.ExtraUnits, $"Có {extra.Count} đơn vị kiêm nhiệm, tối đa {MaxExtraUnits}."));
            else foreach (var path in extra) CheckPath(path, line, RosterColumns.ExtraUnits, rowErrors);

            var position = Get(RosterColumns.Position);
            var category = Get(RosterColumns.Category)?.ToLower(CultureInfo.GetCultureInfo("vi-VN"));
            if (position is { Length: > MaxPositionLength }) rowErrors.Add(new(line, RosterColumns.Position, $"Chức vụ dài {position.Length} ký tự, tối đa {MaxPositionLength}."));
            if (category is { Length: > MaxPositionLength }) rowErrors.Add(new(line, RosterColumns.Category, $"Đối tượng dài {category.Length} ký tự, tối đa {MaxPositionLength}."));

            errors.AddRange(rowErrors);
            var row = rowErrors.Count == 0 ? new RosterRow(line, code!, name!, email, unitPath, extra, position, category) : null;
            yield return new ParsedLine(line, codeValid ? code : null, emailValid ? email : null, row);
        }
    }

    /// <summary>True when a seekable stream holds nothing but a byte order mark and white space (it is rewound).</summary>
    private static bool IsBlank(Stream stream)
    {
        if (!stream.CanSeek) return false;
        var start = stream.Position;
        int b;
        while ((b = stream.ReadByte()) is 0xEF or 0xBB or 0xBF or ' ' or '\t' or '\r' or '\n') { }
        stream.Position = start;
        return b == -1;
    }

    private static Dictionary<string, int> MapHeader(string[] header, List<RosterError> errors)
    {
        var map = new Dictionary<string, int>();
        for (var i = 0; i < header.Length; i++)
        {
            var cell = VietnameseText.Clean(header[i]);
            if (cell.Length == 0) continue;
            var column = RosterColumns.Match(cell);
            if (column is null)
            {
                errors.Add(new RosterError(1, Quote(cell), "Cột không được hỗ trợ. Các cột hợp lệ: Mã cán bộ, Họ và tên, Email, Đơn vị, Đơn vị kiêm nhiệm, Chức vụ, Đối tượng."));
                continue;
            }
            if (!map.TryAdd(column, i)) errors.Add(new RosterError(1, Quote(cell), $"Cột «{column}» xuất hiện hai lần."));
        }
        foreach (var required in RosterColumns.Required.Where(r => !map.ContainsKey(r)))
        {
            errors.Add(new RosterError(1, required, "Thiếu cột bắt buộc."));
        }
        return map;
    }

    /// <summary>Unit names at most <see cref="TextLimits.Name"/> characters, paths at most <see cref="TextLimits.UnitDepth"/> levels.</summary>
    private static void CheckPath(List<string> path, int line, string column, List<RosterError> errors)
    {
        if (path.Count > TextLimits.UnitDepth)
            errors.Add(new(line, column, $"Đường dẫn đơn vị có {path.Count} cấp, tối đa {TextLimits.UnitDepth} cấp."));
        foreach (var name in path.Where(n => n.Length > TextLimits.Name).Take(1))
            errors.Add(new(line, column, $"Tên đơn vị «{Quote(name)}» dài {name.Length} ký tự, tối đa {TextLimits.Name}."));
    }

    /// <summary>A value as quoted in an error message: long values are cut so that an error list never echoes a huge cell.</summary>
    public static string Quote(string value) => value.Length <= 60 ? value : value[..60] + "…";

    public static string FormatSize(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : $"{bytes / 1024.0:0.#} KB";

    public static List<string> SplitPath(string path) =>
        path.Split(UnitSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(VietnameseText.Clean).Where(p => p.Length > 0).ToList();

    private static bool IsEmail(string value) =>
        value.Length <= 254 && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);

    [GeneratedRegex(@"^[A-Za-z0-9._-]{2,32}$")]
    private static partial Regex StaffCodePattern();
}

/// <summary>One non-blank line of a roster file: its well-formed staff code and e-mail (null when missing or malformed),
/// and the row when the whole line is valid.</summary>
public readonly record struct ParsedLine(int Line, string? StaffCode, string? Email, RosterRow? Row);
