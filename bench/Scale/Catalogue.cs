namespace Training.Scale.Bench;

/// <summary>The courses and programmes of the generated country. Programme j is earned by completing course j.</summary>
internal static class Catalogue
{
    public const int CourseCount = 40;

    public static readonly (string Code, string Name, int? ValidityMonths, double Share)[] Programmes =
    [
        ("CT-KPL", "Bồi dưỡng kiến thức pháp luật cho cán bộ, công chức", 24, 0.80),
        ("CT-CDS", "Kỹ năng chuyển đổi số trong cơ quan nhà nước", 36, 0.62),
        ("CT-ATTT", "An toàn thông tin cho người dùng cuối", 12, 0.45),
        ("CT-QLNN", "Quản lý nhà nước ngạch chuyên viên", null, 0.40),
        ("CT-PCCC", "Phòng cháy, chữa cháy và cứu nạn, cứu hộ", 12, 0.30),
        ("CT-KNPH", "Kỹ năng phối hợp và giải quyết thủ tục hành chính", 24, 0.25),
    ];

    public static readonly string[] CourseTitles =
    [
        "Kiến thức pháp luật chung", "Chuyển đổi số", "An toàn thông tin", "Quản lý nhà nước", "Phòng cháy, chữa cháy", "Giải quyết thủ tục hành chính",
        "Văn hoá công sở", "Kỹ năng soạn thảo văn bản", "Luật Cán bộ, công chức", "Luật Viên chức", "Phòng, chống tham nhũng", "Kỹ năng giao tiếp",
        "Cải cách hành chính", "Dữ liệu mở", "Chính phủ số", "Bảo vệ dữ liệu cá nhân", "Kỹ năng lãnh đạo", "Quản lý dự án đầu tư công",
        "Luật Ngân sách nhà nước", "Thực hành tiết kiệm", "Bình đẳng giới", "Dân tộc và tôn giáo", "Quốc phòng và an ninh", "Kỹ năng thuyết trình",
        "Tiếp công dân", "Giải quyết khiếu nại, tố cáo", "Hội nhập quốc tế", "Ứng dụng trí tuệ nhân tạo", "Lưu trữ điện tử", "Chữ ký số",
        "Dịch vụ công trực tuyến", "Kỹ năng làm việc nhóm", "Luật Đất đai", "Bảo vệ môi trường", "Ứng phó biến đổi khí hậu", "Sơ cấp cứu",
        "An toàn giao thông", "Luật An ninh mạng", "Kỹ năng quản lý thời gian", "Đạo đức công vụ",
    ];

    /// <summary>Scales the shares so the first certificates, recertifications and reissues add up to about 6,000,000 for 2,000,000 staff.</summary>
    public const double ShareScale = 0.85;

    public static readonly DateOnly Today = new(2026, 12, 1);
    public static readonly DateOnly First = new(2023, 12, 1);
    public static int Span => Today.DayNumber - First.DayNumber;

    /// <summary>Whether person <paramref name="p"/> earned programme <paramref name="j"/> at least once, and when first.</summary>
    public static DateOnly? FirstIssued(long p, int j) =>
        Hash.Unit(p, 100 + j) < Programmes[j].Share * ShareScale ? DateOnly.FromDayNumber(First.DayNumber + Hash.Below(p, 110 + j, Span)) : null;
}
