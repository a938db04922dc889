using System.Text;

namespace Training.Organisation.Bench;

/// <summary>A generated roster: people spread over the schools of one Sở, one in ten with a concurrent post.</summary>
internal static class RosterFile
{
    public const string Root = "Sở Giáo dục và Đào tạo Ninh Bình";
    private static readonly string[] Family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"];
    private static readonly string[] Given = ["Văn An", "Thị Bình", "Minh Châu", "Thu Hà", "Quang Huy", "Thị Lan", "Đức Minh", "Thanh Tâm"];

    public static string School(int i) => $"{Root} > Trường THPT số {i}";

    /// <param name="edition">Changes every person's position, so that importing a new edition updates everyone.</param>
    public static byte[] Build(int rows, int schools, int edition)
    {
        var csv = new StringBuilder("Mã cán bộ,Họ và tên,Email,Đơn vị,Đơn vị kiêm nhiệm,Chức vụ,Đối tượng\n");
        for (var i = 0; i < rows; i++)
        {
            var extra = i % 10 == 0 ? School((i + 1) % schools) : "";
            csv.Append($"NB{i:000000},{Family[i % Family.Length]} {Given[i % Given.Length]},nb{i}@sogddt.ninhbinh.gov.vn,{School(i % schools)},{extra},Giáo viên bậc {edition},giáo viên\n");
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
