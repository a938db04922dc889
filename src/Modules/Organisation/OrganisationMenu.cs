using Training.Abstractions.Navigation;

namespace Training.Organisation;

internal sealed class OrganisationMenu : IMenuProvider
{
    public IEnumerable<MenuItem> GetItems() =>
    [
        new(MenuArea.Home, "Quản trị", "/admin", Permissions.AccessAdmin, 10),
        new(MenuArea.Home, "Tổ chức cán bộ", "/hr", Permissions.AccessHr, 20),
        new(MenuArea.Main, "Tổ chức cán bộ", "/hr", Permissions.AccessHr, 80),
        new(MenuArea.Main, "Quản trị", "/admin", Permissions.AccessAdmin, 90),
        new(MenuArea.Admin, "Tài khoản", "/admin/users", Permissions.ManageUsers, 10, "Tài khoản, vai trò và phạm vi quản lý của người dùng."),
        new(MenuArea.Admin, "Cơ cấu tổ chức", "/admin/units", Permissions.ManageUsers, 20, "Cây đơn vị: Sở, phòng ban, trường, UBND huyện."),
        new(MenuArea.Admin, "Bảo mật đăng nhập", "/admin/security", Permissions.ManageUsers, 30, "Đăng nhập một lần, mật khẩu cục bộ và xác thực hai bước."),
        new(MenuArea.Hr, "Danh sách cán bộ", "/hr/staff", Permissions.ViewStaff, 10, "Cán bộ thuộc các đơn vị trong phạm vi quản lý."),
        new(MenuArea.Hr, "Trưởng đơn vị", "/hr/unit-heads", Permissions.AssignUnitHeads, 25, "Ai là trưởng đơn vị: theo chức vụ hoặc do chỉ định; lịch sử chỉ định."),
        new(MenuArea.Hr, "Nhập danh sách cán bộ", "/hr/roster", Permissions.ImportRoster, 20, "Nhập hoặc cập nhật cán bộ từ tệp CSV."),
        new(MenuArea.Hr, "Nhóm đối tượng", "/hr/audiences", Permissions.ManageAudiences, 25, "Nhóm cán bộ theo quy tắc (đơn vị, loại cán bộ, chức vụ), tự cập nhật theo danh sách cán bộ."),
    ];
}
