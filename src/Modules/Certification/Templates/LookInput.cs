using System.Text.RegularExpressions;
using Training.Certification.Data;
using Training.Certification.Pdf;
using Training.Platform.Text;

namespace Training.Certification.Templates;

/// <summary>The template fields of the programme form.</summary>
public sealed partial class LookInput
{
    public PageOrientation Orientation { get; set; }
    public string Title { get; set; } = CertificateLook.DefaultTitle;
    public BorderStyle Border { get; set; }
    public string PrimaryColour { get; set; } = CertificateLook.DefaultPrimary;
    public string AccentColour { get; set; } = CertificateLook.DefaultAccent;
    public bool CoursesPage { get; set; }
    public bool RemoveLogo { get; set; }

    public static LookInput From(CertificateTemplate? t) => t is null ? new() : new()
    {
        Orientation = t.Orientation, Title = t.Title, Border = t.Border, PrimaryColour = t.PrimaryColour, AccentColour = t.AccentColour,
        CoursesPage = t.CoursesPage,
    };

    /// <summary>The field errors in Vietnamese, each naming its field.</summary>
    public List<string> Validate()
    {
        var errors = new List<string>();
        Title = VietnameseText.Clean(Title);
        if (Title.Length == 0 || Title.Length > 100) errors.Add("Tiêu đề giấy chứng nhận: cần nhập, tối đa 100 ký tự.");
        if (!Enum.IsDefined(Orientation)) errors.Add("Khổ giấy: chọn ngang hoặc dọc.");
        if (!Enum.IsDefined(Border)) errors.Add("Khung viền: lựa chọn không hợp lệ.");
        if (!Colour().IsMatch(PrimaryColour ?? "")) errors.Add("Màu chính: dạng #RRGGBB.");
        if (!Colour().IsMatch(AccentColour ?? "")) errors.Add("Màu phụ: dạng #RRGGBB.");
        return errors;
    }

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex Colour();
}
