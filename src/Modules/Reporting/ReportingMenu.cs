using Training.Abstractions.Organisation;
using Training.Abstractions.Navigation;

namespace Training.Reporting;

internal sealed class ReportingMenu : IMenuProvider
{
    public IEnumerable<MenuItem> GetItems() =>
    [
        new(MenuArea.Hr, "Kế hoạch và chỉ tiêu", "/hr/plans", Permissions.ViewReports, 5,
            "Độ bao phủ chứng chỉ theo đơn vị so với chỉ tiêu kế hoạch; xuất danh sách và báo cáo năm."),
        new(MenuArea.Admin, "Khóa API", "/admin/api-keys", Permissions.ManageApiKeys, 60,
            "Khóa cho hệ thống nhân sự: tạo, xem, thu hồi; mỗi khóa giới hạn trong một đơn vị."),
        new(MenuArea.Main, "Đơn vị của tôi", "/my-units", UnitHeadPermission.Name, 60),
        new(MenuArea.Main, "Thông báo", "/notifications", Permissions.ReceiveNotifications, 70),
    ];
}
