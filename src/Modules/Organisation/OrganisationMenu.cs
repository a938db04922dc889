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
        new(MenuArea.Hr, "Danh sách cán bộ", "/hr/staff", Permissions.ViewStaff, 10, "Cán bộ thuộc các đơn vị trong phạm vi quản lý."),
        new(MenuArea.Hr, "Trưởng đơn vị", "/hr/unit-heads", Permissions.AssignUnitHeads, 25, "Ai là trưởng đơn vị: theo chức vụ hoặc do chỉ định; lịch sử chỉ định."),
        new(MenuArea.Hr, "Nhập danh sách cán bộ", "/hr/roster", Permissions.ImportRoster, 20, "Nhập hoặc cập nhật cán bộ từ tệp CSV."),
    ];
}
