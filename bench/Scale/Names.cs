namespace Training.Scale.Bench;

/// <summary>Small lists the generator draws realistic Vietnamese names from.</summary>
internal static class Names
{
    /// <summary>The 63 provinces and centrally-run cities (before the 2025 merger) with their population in thousands
    /// (rounded 2023 figures): a province's staff is proportional to it.</summary>
    public static readonly (string Name, int Thousands)[] Provinces =
    [
        ("Thành phố Hà Nội", 8436), ("Thành phố Hồ Chí Minh", 9457), ("Thành phố Hải Phòng", 2088), ("Thành phố Đà Nẵng", 1221),
        ("Thành phố Cần Thơ", 1258), ("Tỉnh Hà Giang", 899), ("Tỉnh Cao Bằng", 543), ("Tỉnh Bắc Kạn", 326), ("Tỉnh Tuyên Quang", 803),
        ("Tỉnh Lào Cai", 770), ("Tỉnh Điện Biên", 640), ("Tỉnh Lai Châu", 482), ("Tỉnh Sơn La", 1300), ("Tỉnh Yên Bái", 847),
        ("Tỉnh Hoà Bình", 876), ("Tỉnh Thái Nguyên", 1336), ("Tỉnh Lạng Sơn", 802), ("Tỉnh Quảng Ninh", 1381), ("Tỉnh Bắc Giang", 1922),
        ("Tỉnh Phú Thọ", 1516), ("Tỉnh Vĩnh Phúc", 1211), ("Tỉnh Bắc Ninh", 1488), ("Tỉnh Hải Dương", 1956), ("Tỉnh Hưng Yên", 1290),
        ("Tỉnh Thái Bình", 1878), ("Tỉnh Hà Nam", 885), ("Tỉnh Nam Định", 1887), ("Tỉnh Ninh Bình", 1010), ("Tỉnh Thanh Hoá", 3760),
        ("Tỉnh Nghệ An", 3442), ("Tỉnh Hà Tĩnh", 1323), ("Tỉnh Quảng Bình", 918), ("Tỉnh Quảng Trị", 650), ("Tỉnh Thừa Thiên Huế", 1166),
        ("Tỉnh Quảng Nam", 1520), ("Tỉnh Quảng Ngãi", 1249), ("Tỉnh Bình Định", 1505), ("Tỉnh Phú Yên", 877), ("Tỉnh Khánh Hoà", 1254),
        ("Tỉnh Ninh Thuận", 599), ("Tỉnh Bình Thuận", 1250), ("Tỉnh Kon Tum", 580), ("Tỉnh Gia Lai", 1590), ("Tỉnh Đắk Lắk", 1918),
        ("Tỉnh Đắk Nông", 670), ("Tỉnh Lâm Đồng", 1332), ("Tỉnh Bình Phước", 1024), ("Tỉnh Tây Ninh", 1188), ("Tỉnh Bình Dương", 2763),
        ("Tỉnh Đồng Nai", 3255), ("Tỉnh Bà Rịa - Vũng Tàu", 1187), ("Tỉnh Long An", 1734), ("Tỉnh Tiền Giang", 1790), ("Tỉnh Bến Tre", 1298),
        ("Tỉnh Trà Vinh", 1019), ("Tỉnh Vĩnh Long", 1028), ("Tỉnh Đồng Tháp", 1600), ("Tỉnh An Giang", 1906), ("Tỉnh Kiên Giang", 1753),
        ("Tỉnh Hậu Giang", 730), ("Tỉnh Sóc Trăng", 1199), ("Tỉnh Bạc Liêu", 923), ("Tỉnh Cà Mau", 1207),
    ];

    /// <summary>A province's departments with the share of its staff (per mille) and what their units are called.</summary>
    public static readonly (string Name, int PerMille, string Leaf)[] Departments =
    [
        ("Sở Giáo dục và Đào tạo", 430, "Trường"), ("Sở Y tế", 200, "Trung tâm Y tế"), ("Sở Nội vụ", 15, "Phòng"), ("Sở Tư pháp", 15, "Phòng"),
        ("Sở Kế hoạch và Đầu tư", 15, "Phòng"), ("Sở Tài chính", 20, "Phòng"), ("Sở Công Thương", 20, "Chi cục"),
        ("Sở Nông nghiệp và Phát triển nông thôn", 60, "Chi cục"), ("Sở Giao thông vận tải", 25, "Ban quản lý"), ("Sở Xây dựng", 15, "Phòng"),
        ("Sở Tài nguyên và Môi trường", 30, "Văn phòng đăng ký đất đai"), ("Sở Thông tin và Truyền thông", 10, "Trung tâm"),
        ("Sở Lao động - Thương binh và Xã hội", 30, "Trung tâm"), ("Sở Văn hoá, Thể thao và Du lịch", 30, "Trung tâm"),
        ("Sở Khoa học và Công nghệ", 10, "Trung tâm"), ("Thanh tra tỉnh", 10, "Phòng"), ("Văn phòng UBND tỉnh", 15, "Phòng"),
        ("Ban Dân tộc", 5, "Phòng"), ("Sở Ngoại vụ", 5, "Phòng"), ("Ban Quản lý các khu công nghiệp", 40, "Phòng"),
    ];

    public static readonly string[] Families = ["Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Huỳnh",
        "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
    public static readonly string[] Middles = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Thu", "Xuân", "Hoài", "Kim"];
    public static readonly string[] Givens = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Hương", "Khánh",
        "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Ngọc", "Phong", "Phương", "Quân", "Quang", "Sơn", "Tâm", "Thảo", "Thành",
        "Trang", "Trung", "Tú", "Tuấn", "Vân", "Việt", "Yến"];
    public static readonly string[] Categories = ["giáo viên", "giáo viên", "chuyên viên", "chuyên viên", "viên chức y tế", "cán bộ quản lý", "nhân viên"];
    public static readonly string[] Positions = ["Chuyên viên", "Giáo viên", "Bác sĩ", "Điều dưỡng", "Trưởng phòng", "Phó trưởng phòng", "Nhân viên"];

    public static string Person(long i) =>
        $"{Pick(Families, i, 1)} {Pick(Middles, i, 2)} {Pick(Givens, i, 3)}";

    public static string Pick(string[] list, long i, int salt) => list[Hash.Below(i, salt, list.Length)];
}
