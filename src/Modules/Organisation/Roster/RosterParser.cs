using System.Globalization;
using System.Net.Mail;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using Training.Platform.Text;

namespace Training.Organisation.Roster;

/// <summary>Reads a roster CSV (UTF-8 with or without BOM, comma or semicolon) into validated rows,
/// collecting every error by line and column instead of stopping at the first.</summary>
public static partial class RosterParser
{
    public const char UnitSeparator = '>';

    public static (List<RosterRow> Rows, List<RosterError> Errors) Parse(Stream stream)
    {
        var rows = new List<RosterRow>();
        var errors = new List<RosterError>();
        string text;
        try
        {
            using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            text = reader.ReadToEnd();
        }
        catch (DecoderFallbackException)
        {
            errors.Add(new RosterError(0, "Tệp", "Tệp không phải văn bản UTF-8. Hãy lưu lại tệp CSV với mã hóa UTF-8."));
            return (rows, errors);
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new RosterError(0, "Tệp", "Tệp rỗng."));
            return (rows, errors);
        }

        var options = CsvReaderOptions.Default with { TrimWhitespace = true, TrackLineNumbers = true, SkipEmptyLines = true };
        using var csv = CsvReader.FromText(text, options);
        var header = csv.Headers.ToArray();
        if (header.Length == 0)
        {
            errors.Add(new RosterError(1, "Tiêu đề", "Không đọc được dòng tiêu đề."));
            return (rows, errors);
        }

        var columns = MapHeader(header, errors);
        if (errors.Count > 0) return (rows, errors);

        var seenCodes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var seenEmails = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
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

            if (code is null) rowErrors.Add(new(line, RosterColumns.StaffCode, "Thiếu mã cán bộ."));
            else if (!StaffCodePattern().IsMatch(code)) rowErrors.Add(new(line, RosterColumns.StaffCode, $"Mã cán bộ «{code}» chỉ được gồm chữ cái không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới (2–32 ký tự)."));
            else if (seenCodes.TryGetValue(code, out var first)) rowErrors.Add(new(line, RosterColumns.StaffCode, $"Mã cán bộ «{code}» trùng với dòng {first}."));

            if (name is null) rowErrors.Add(new(line, RosterColumns.FullName, "Thiếu họ và tên."));
            else if (name.Length > 100 || !name.All(c => char.IsLetter(c) || c is ' ' or '-' or '\'' or '.'))
                rowErrors.Add(new(line, RosterColumns.FullName, $"Họ và tên «{name}» không hợp lệ (chỉ gồm chữ cái và khoảng trắng, tối đa 100 ký tự)."));

            if (email is not null)
            {
                if (!IsEmail(email)) rowErrors.Add(new(line, RosterColumns.Email, $"Email «{email}» không hợp lệ."));
                else if (seenEmails.TryGetValue(email, out var firstEmail)) rowErrors.Add(new(line, RosterColumns.Email, $"Email «{email}» trùng với dòng {firstEmail}."));
            }

            var unitPath = unit is null ? [] : SplitPath(unit);
            if (unitPath.Count == 0) rowErrors.Add(new(line, RosterColumns.Unit, $"Thiếu đơn vị (ghi đường dẫn, ví dụ «Sở Giáo dục và Đào tạo Ninh Bình {UnitSeparator} Phòng Tổ chức cán bộ»)."));

            var extra = (Get(RosterColumns.ExtraUnits) ?? "")
                .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(SplitPath).Where(p => p.Count > 0).ToList();

            var position = Get(RosterColumns.Position);
            var category = Get(RosterColumns.Category)?.ToLower(CultureInfo.GetCultureInfo("vi-VN"));
            if (position is { Length: > 200 }) rowErrors.Add(new(line, RosterColumns.Position, "Chức vụ dài quá 200 ký tự."));
            if (category is { Length: > 200 }) rowErrors.Add(new(line, RosterColumns.Category, "Đối tượng dài quá 200 ký tự."));

            if (code is not null) seenCodes.TryAdd(code, line);
            if (email is not null) seenEmails.TryAdd(email, line);
            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors);
                continue;
            }
            rows.Add(new RosterRow(line, code!, name!, email, unitPath, extra, position, category));
        }
        if (rows.Count == 0 && errors.Count == 0) errors.Add(new RosterError(0, "Tệp", "Tệp không có dòng dữ liệu nào."));
        return (rows, errors);
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
                errors.Add(new RosterError(1, cell, "Cột không được hỗ trợ. Các cột hợp lệ: Mã cán bộ, Họ và tên, Email, Đơn vị, Đơn vị kiêm nhiệm, Chức vụ, Đối tượng."));
                continue;
            }
            if (!map.TryAdd(column, i)) errors.Add(new RosterError(1, cell, $"Cột «{column}» xuất hiện hai lần."));
        }
        foreach (var required in RosterColumns.Required.Where(r => !map.ContainsKey(r)))
        {
            errors.Add(new RosterError(1, required, "Thiếu cột bắt buộc."));
        }
        return map;
    }

    public static List<string> SplitPath(string path) =>
        path.Split(UnitSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(VietnameseText.Clean).Where(p => p.Length > 0).ToList();

    private static bool IsEmail(string value) =>
        value.Length <= 254 && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);

    [GeneratedRegex(@"^[A-Za-z0-9._-]{2,32}$")]
    private static partial Regex StaffCodePattern();
}
