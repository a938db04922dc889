using Training.Abstractions.Organisation;
using Training.Abstractions.Security;

namespace Training.Organisation;

/// <summary>Permissions of the organisation module (identity, units, roster).</summary>
public sealed class Permissions : IPermissionProvider
{
    public const string AccessAdmin = "Organisation.AccessAdmin";
    public const string ManageUsers = "Organisation.ManageUsers";
    public const string AccessHr = "Organisation.AccessHr";
    public const string ViewStaff = "Organisation.ViewStaff";
    public const string ImportRoster = "Organisation.ImportRoster";
    public const string ViewAllUnits = "Organisation.ViewAllUnits";
    public const string ManageAudiences = "Organisation.ManageAudiences";
    public const string AssignUnitHeads = "Organisation.AssignUnitHeads";

    private static readonly Permission AccessAdminP = new(AccessAdmin, "Truy cập khu quản trị");
    private static readonly Permission ManageUsersP = new(ManageUsers, "Quản lý tài khoản và đơn vị");
    private static readonly Permission AccessHrP = new(AccessHr, "Truy cập khu tổ chức cán bộ");
    private static readonly Permission ViewStaffP = new(ViewStaff, "Xem danh sách cán bộ trong phạm vi");
    private static readonly Permission ImportRosterP = new(ImportRoster, "Nhập danh sách cán bộ từ tệp CSV");
    private static readonly Permission ViewAllUnitsP = new(ViewAllUnits, "Xem mọi đơn vị (không giới hạn phạm vi)");
    private static readonly Permission ManageAudiencesP = new(ManageAudiences, "Quản lý nhóm đối tượng theo quy tắc");
    private static readonly Permission AssignUnitHeadsP = new(AssignUnitHeads, "Chỉ định trưởng đơn vị trong phạm vi");

    // Not granted to any role: the sign-in adds it to whoever heads a unit (UnitHeadPermission).
    private static readonly Permission HeadUnitsP = new(UnitHeadPermission.Name, "Trưởng đơn vị: xem cán bộ và nhắc việc trong đơn vị mình phụ trách");

    public IEnumerable<Permission> GetPermissions() =>
        [AccessAdminP, ManageUsersP, AccessHrP, ViewStaffP, ImportRosterP, ViewAllUnitsP, ManageAudiencesP, AssignUnitHeadsP, HeadUnitsP];

    public IEnumerable<RoleGrant> GetDefaultGrants() =>
    [
        new(BuiltInRoles.Administrator, [AccessAdminP, ManageUsersP, AccessHrP, ViewStaffP, ImportRosterP, ViewAllUnitsP, ManageAudiencesP, AssignUnitHeadsP]),
        new(BuiltInRoles.HR, [AccessHrP, ViewStaffP, ImportRosterP, ManageAudiencesP, AssignUnitHeadsP]),
    ];
}
