using Training.Platform.Text;

namespace Training.Organisation.Roster;

/// <summary>The roster file's columns and the header spellings accepted for each (compared folded:
/// case, accents and spacing do not matter, so "Họ và tên", "ho va ten" and "HO_VA_TEN" all match).</summary>
internal static class RosterColumns
{
    public const string StaffCode = "Mã cán bộ";
    public const string FullName = "Họ và tên";
    public const string Email = "Email";
    public const string Unit = "Đơn vị";
    public const string ExtraUnits = "Đơn vị kiêm nhiệm";
    public const string Position = "Chức vụ";
    public const string Category = "Đối tượng";

    private static readonly Dictionary<string, string[]> Aliases = new()
    {
        [StaffCode] = ["mã cán bộ", "mã cb", "mã nhân viên", "mã số", "staff code", "staff_code", "code"],
        [FullName] = ["họ và tên", "họ tên", "full name", "full_name", "name"],
        [Email] = ["email", "e-mail", "thư điện tử"],
        [Unit] = ["đơn vị", "đơn vị công tác", "unit"],
        [ExtraUnits] = ["đơn vị kiêm nhiệm", "kiêm nhiệm", "extra units", "extra_units"],
        [Position] = ["chức vụ", "position"],
        [Category] = ["đối tượng", "nhóm đối tượng", "loại cán bộ", "staff category", "staff_category", "category"],
    };

    public static readonly string[] Required = [StaffCode, FullName, Unit];

    /// <summary>The canonical column for a header cell, or null when unknown.</summary>
    public static string? Match(string header)
    {
        var key = Key(header);
        foreach (var (column, names) in Aliases)
        {
            if (names.Any(n => Key(n) == key)) return column;
        }
        return null;
    }

    private static string Key(string value) =>
        new(VietnameseText.Fold(value).Where(char.IsAsciiLetterOrDigit).ToArray());
}
