using Training.Reporting.Data;

namespace Training.Reporting.Seed;

/// <summary>The five plans of the corpus with their targets as written. Only Cát Hải's plan states numbers
/// (five chỉ tiêu with 2025/2030 milestones); the others state training duties without numbers, so their targets
/// carry no milestone. Indicators about pupils or institutions are recorded but not computed.</summary>
internal static class DemoPlans
{
    public const string NinhBinh = "Sở Giáo dục và Đào tạo Ninh Bình";
    public const string CatHai = "UBND huyện Cát Hải";
    public const string CatHaiGdnn = "Trung tâm GDNN - GDTX huyện Cát Hải";

    /// <summary>A target before units are resolved: <see cref="UnitName"/> is the population's root unit, if any.</summary>
    public sealed record TargetSpec(string Indicator, TargetKind Kind, string? UnitName, string Categories, string Programmes, string? Note,
        params (int Year, decimal Percent, bool Strict)[] Milestones);

    public sealed record PlanSpec(string? Number, string Title, string Issuer, DateOnly? IssuedOn, int? From, int? To, string? Basis,
        string? IssuerUnit, string Note, (string Name, int From, int To)[] Phases, TargetSpec[] Targets)
    {
        /// <summary>The yearly reporting deadline as written ("20/11"), when the plan states one.</summary>
        public string? ReportDeadline { get; init; }
    }

    private const string Pupils = "Đối tượng là học sinh, không phải cán bộ trên hệ thống: ghi nhận chỉ tiêu, đơn vị tự báo cáo số liệu.";
    private const string Institutions = "Chỉ tiêu tính theo cơ sở GDNN, không theo cán bộ: ghi nhận, đơn vị tự báo cáo số liệu.";
    private const string NotInOrganisation = "Đơn vị ban hành không thuộc cơ cấu tổ chức trên hệ thống: chưa gắn đơn vị nên chưa tính độ bao phủ.";

    public static readonly PlanSpec[] All =
    [
        new("58/KH-SGDĐT",
            "Thực hiện Đề án \"Tăng cường hiệu quả công tác phòng ngừa, chống vi phạm pháp luật và tội phạm trên mạng internet\" của ngành Giáo dục và Đào tạo",
            NinhBinh, new DateOnly(2017, 12, 20), 2017, null, "1278/QĐ-BTTTT", NinhBinh,
            "Kế hoạch nêu nhiệm vụ bồi dưỡng, tập huấn nhưng không nêu chỉ tiêu định lượng: các chỉ tiêu dưới đây không có mốc.",
            [],
            [
                new("Thường xuyên tổ chức các lớp tập huấn, đào tạo, trang bị những kiến thức, kỹ năng nghiệp vụ cho đội ngũ tham gia phòng ngừa, chống vi phạm pháp luật và tội phạm trên mạng Internet trong ngành.",
                    TargetKind.StaffCertified, NinhBinh, "", "CT-KPL;CT-KNPH", "Đối tượng: toàn bộ cán bộ, công chức, viên chức của ngành trong tỉnh; không có mốc định lượng."),
                new("Phổ biến các văn bản quy phạm pháp luật và các văn bản hướng dẫn của Bộ Giáo dục và Đào tạo về lĩnh vực được giao phụ trách; tổ chức bồi dưỡng kiến thức pháp luật, bồi dưỡng chuyên môn cho đội ngũ giáo viên dạy môn giáo dục công dân, đạo đức, pháp luật theo hướng dẫn của Bộ Giáo dục và Đào tạo.",
                    TargetKind.StaffCertified, NinhBinh, "giáo viên", "CT-KPL", "Đối tượng: giáo viên; không có mốc định lượng."),
                new("Tăng cường công tác thông tin tuyên truyền, nâng cao nhận thức, ý thức sử dụng thông tin lành mạnh trên Internet cho đội ngũ giáo viên, học sinh..",
                    TargetKind.StaffCertified, NinhBinh, "giáo viên;cán bộ làm công tác học sinh", "CT-QTUX", "Phần giáo viên và cán bộ làm công tác học sinh; phần học sinh không đo trên hệ thống."),
            ]),
        new(null,
            "Triển khai thực hiện Quyết định số 311/QĐ-TTg ngày 05/3/2022 của Thủ tướng Chính phủ phê duyệt Chương trình “Giáo dục lý tưởng cách mạng, đạo đức, lối sống văn hóa cho thanh niên, thiếu niên, nhi đồng trên không gian mạng giai đoạn 2022 - 2030” trong lĩnh vực giáo dục nghề nghiệp trên địa bàn huyện Cát Hải",
            CatHai, null, 2023, 2030, "311/QĐ-TTg", CatHai,
            "Năm chỉ tiêu có mốc 2025 và 2030; chỉ tiêu 3 (cán bộ làm công tác học sinh trong cơ sở GDNN) được tính từ chứng chỉ.",
            [("Đến năm 2025 (sơ kết)", 2023, 2025), ("Đến năm 2030 (tổng kết)", 2026, 2030)],
            [
                new("Đến năm 2025, phấn đấu trên 90% và đến năm 2030 đạt 100% học sinh trên địa bàn huyện được tuyên truyền và tích cực thực hiện Quy tắc ứng xử trên mạng xã hội.",
                    TargetKind.NotMeasured, null, "", "", Pupils, (2025, 90, true), (2030, 100, false)),
                new("Đến năm 2025, phấn đấu trên 80% và đến năm 2030 đạt 100% đoàn viên là học sinh trong các cơ sở GDNN trên địa bàn huyện kết nạp mới được học lý luận chính trị trên Cổng thông tin điện tử, ứng dụng di động “Thanh niên Việt Nam”, học lý luận chính trị dành cho đoàn viên.",
                    TargetKind.NotMeasured, null, "", "", Pupils, (2025, 80, true), (2030, 100, false)),
                new("Đến năm 2025, đạt trên 80% và đến năm 2030 đạt 100% cán bộ làm công tác học sinh trong các cơ sở GDNN trên địa bàn huyện được bồi dưỡng cập nhật kiến thức mới, nâng cao trình độ, kỹ năng, nghiệp vụ, phương pháp tuyên truyền, giáo dục, đấu tranh trên không gian mạng.",
                    TargetKind.StaffCertified, CatHaiGdnn, "cán bộ làm công tác học sinh", "CT-QTUX;CT-KNPH",
                    "Cơ sở GDNN trên địa bàn huyện: Trung tâm GDNN - GDTX huyện Cát Hải.", (2025, 80, true), (2030, 100, false)),
                new("Đến năm 2025, phấn đấu trên 70% và đến năm 2030 đạt 100% cơ sở GDNN trên địa bàn huyện triển khai và giảng dạy kỹ năng thích ứng và sử dụng không gian mạng an toàn, tích cực, hiệu quả cho học sinh.",
                    TargetKind.NotMeasured, null, "", "", Institutions, (2025, 70, true), (2030, 100, false)),
                new("Đến năm 2025, đạt trên 80% và đến năm 2030, phấn đấu đạt 100% cơ sở GDNN trên địa bàn huyện có các kênh thông tin trên không gian mạng để kết nối, tập hợp, tương tác, tuyên truyền, định hướng tư tưởng cho học sinh.",
                    TargetKind.NotMeasured, null, "", "", Institutions, (2025, 80, true), (2030, 100, false)),
            ]),
        new(null,
            "Thực hiện “Giáo dục lý tưởng cách mạng, đạo đức, lối sống văn hóa cho thanh niên, thiếu niên, nhi đồng trên không gian mạng giai đoạn 2022 - 2030”",
            "Sở Ngoại vụ tỉnh Lạng Sơn", null, 2022, 2030, "29/CTr-UBND", null,
            "Báo cáo kết quả trước ngày 20/11 hằng năm. Kế hoạch nêu \"quán triệt tới 100%\" nhưng không nêu thời hạn: ghi nhận, không có mốc.",
            [("Giai đoạn 2022 – 2030", 2022, 2030)],
            [
                new("Quán triệt sâu rộng tới 100% cán bộ, công chức, viên chức, người lao động trong cơ quan về Chương trình số 29/CTr-UBND ngày 02/6/2022 của UBND tỉnh về giáo dục lý tưởng cách mạng, đạo đức, lối sống văn hóa cho thanh niên, thiếu niên, nhi đồng (là con em cán bộ, công chức, viên chức trong cơ quan) nhận thức đầy đủ và tự giác chấp hành các quy định pháp luật, trách nhiệm với cộng đồng và kỹ năng hội nhập quốc tế trong kỷ nguyên số hóa.",
                    TargetKind.StaffCertified, null, "", "CT-QTUX", NotInOrganisation),
            ]) { ReportDeadline = "20/11" },
        new(null,
            "Tuyên truyền đấu tranh trên không gian mạng tại Sở Khoa học và Công nghệ tỉnh Đắk Nông",
            "Sở Khoa học và Công nghệ tỉnh Đắk Nông", null, 2020, 2025, "631-KL/BTGTU", null,
            "Kế hoạch không có số và ngày trong văn bản; không nêu chỉ tiêu định lượng.",
            [("Giai đoạn 1", 2020, 2022), ("Giai đoạn 2", 2022, 2025)],
            [
                new("Lựa chọn những người có trình độ lý luận, chuyên môn để tham gia quản lý các trang tuyên truyền của Sở Khoa học và Công nghệ, đồng thời theo dõi hoạt động phòng ngừa, chống vi phạm pháp luật và tội phạm trên mạng Internet.",
                    TargetKind.StaffCertified, null, "", "CT-KNPH", NotInOrganisation),
            ]),
        new(null,
            "Kế hoạch triển khai thực hiện Đề án “Tăng cường hiệu quả công tác phòng ngừa, chống vi phạm pháp luật và tội phạm trên mạng Internet” trên địa bàn tỉnh Tiền Giang",
            "UBND tỉnh Tiền Giang", null, 2017, null, "1278/QĐ-BTTTT", null,
            "Kế hoạch nêu nhiệm vụ tập huấn cho lực lượng thanh tra và cán bộ, công chức nhưng không nêu chỉ tiêu định lượng.",
            [],
            [
                new("Tổ chức các lớp tập huấn, đào tạo và đào tạo lại, trang bị những kiến thức, kỹ năng nghiệp vụ cho lực lượng thanh tra ngành Thông tin và Truyền thông và các lực lượng tham gia khác phòng ngừa, chống vi phạm pháp luật và tội phạm trên mạng Internet;",
                    TargetKind.StaffCertified, null, "thanh tra", "CT-KPL;CT-KNPH", NotInOrganisation),
                new("Thường xuyên tổ chức các lớp tập huấn về kiến thức công nghệ thông tin kết hợp với đảm bảo an ninh mạng cho cán bộ, công chức, viên chức các sở, ban, ngành, đoàn thể, địa phương nhằm nâng cao trình độ, kiến thức phục vụ việc triển khai thực hiện Đề án có hiệu quả;",
                    TargetKind.StaffCertified, null, "", "CT-KNPH", NotInOrganisation),
            ]),
    ];
}
