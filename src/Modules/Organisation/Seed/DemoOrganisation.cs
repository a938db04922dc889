namespace Training.Organisation.Seed;

/// <summary>The demo organisation, modelled on the plans in the corpus: Sở GD&amp;ĐT Ninh Bình
/// (Kế hoạch 58/KH-SGDĐT) with its phòng ban and a dozen schools, and UBND huyện Cát Hải
/// (Kế hoạch thực hiện Quyết định 311/QĐ-TTg) with its schools and GDNN centre.</summary>
internal static class DemoOrganisation
{
    public const string NinhBinh = "Sở Giáo dục và Đào tạo Ninh Bình";
    public const string CatHai = "UBND huyện Cát Hải";

    public static readonly string[] NinhBinhOffices =
    [
        "Văn phòng Sở", "Phòng Tổ chức cán bộ", "Phòng Giáo dục Trung học", "Phòng Giáo dục Mầm non và Tiểu học",
        "Phòng Kế hoạch - Tài chính", "Phòng Khảo thí và Quản lý chất lượng giáo dục", "Thanh tra Sở",
    ];

    public static readonly string[] NinhBinhSchools =
    [
        "Trường THPT chuyên Lương Văn Tụy", "Trường THPT Đinh Tiên Hoàng", "Trường THPT Trần Hưng Đạo", "Trường THPT Nguyễn Huệ",
        "Trường THPT Hoa Lư A", "Trường THPT Gia Viễn A", "Trường THPT Nho Quan A", "Trường THPT Yên Khánh A",
        "Trường THPT Yên Mô A", "Trường THPT Kim Sơn A", "Trường THPT Ninh Bình - Bạc Liêu", "Trung tâm GDNN - GDTX tỉnh Ninh Bình",
    ];

    public static readonly string[] CatHaiOffices = ["Phòng Giáo dục và Đào tạo", "Phòng Văn hóa và Thông tin", "Phòng Lao động - Thương binh và Xã hội"];

    public static readonly string[] CatHaiSchools =
    [
        "Trường THPT Cát Hải", "Trường THPT Cát Bà", "Trung tâm GDNN - GDTX huyện Cát Hải", "Trường THCS Cát Bà", "Trường THCS Văn Phong",
    ];

    public static readonly string[] OfficeCategories = ["chuyên viên", "chuyên viên", "chuyên viên", "cán bộ quản lý", "nhân viên"];
    public static readonly string[] SchoolCategories = ["giáo viên", "giáo viên", "giáo viên", "giáo viên", "cán bộ làm công tác học sinh", "cán bộ quản lý", "nhân viên"];

    public static string PositionFor(string category, Random random) => category switch
    {
        "giáo viên" => random.Next(5) == 0 ? "Tổ trưởng chuyên môn" : "Giáo viên",
        "cán bộ làm công tác học sinh" => random.Next(2) == 0 ? "Bí thư Đoàn trường" : "Giáo viên chủ nhiệm",
        "cán bộ quản lý" => random.Next(3) == 0 ? "Hiệu trưởng" : "Phó Hiệu trưởng",
        "thanh tra" => "Thanh tra viên",
        "nhân viên" => "Nhân viên",
        _ => "Chuyên viên",
    };
}
