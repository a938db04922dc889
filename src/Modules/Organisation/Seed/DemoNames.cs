namespace Training.Organisation.Seed;

/// <summary>Name parts for generating realistic Vietnamese demo staff (deterministic with a fixed seed).</summary>
internal static class DemoNames
{
    public static readonly string[] Family =
        ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Mai", "Lương", "Phan", "Tạ", "Cao"];

    public static readonly string[] MaleMiddle = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Thanh", "Công", "Tiến", "Mạnh", "Đình", "Bá"];
    public static readonly string[] FemaleMiddle = ["Thị", "Thu", "Ngọc", "Thanh", "Thị Thu", "Hồng", "Kim", "Phương", "Thị Minh", "Bích", "Diệu"];

    public static readonly string[] MaleGiven =
        ["An", "Bình", "Cường", "Dũng", "Đạt", "Giang", "Hải", "Hiếu", "Hùng", "Huy", "Khánh", "Long", "Minh", "Nam", "Phong", "Quân", "Sơn", "Thắng", "Trung", "Tuấn", "Việt", "Vinh"];

    public static readonly string[] FemaleGiven =
        ["Anh", "Châu", "Dung", "Hà", "Hạnh", "Hoa", "Huệ", "Hương", "Lan", "Linh", "Mai", "Nga", "Ngọc", "Nhung", "Phương", "Quyên", "Tâm", "Thảo", "Thủy", "Trang", "Vân", "Yến"];

    public static string Next(Random random)
    {
        var female = random.Next(100) < 62; // teaching staff in Vietnam are mostly women
        var middle = female ? FemaleMiddle : MaleMiddle;
        var given = female ? FemaleGiven : MaleGiven;
        return $"{Family[random.Next(Family.Length)]} {middle[random.Next(middle.Length)]} {given[random.Next(given.Length)]}";
    }
}
