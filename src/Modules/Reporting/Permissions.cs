using Training.Abstractions.Security;

namespace Training.Reporting;

/// <summary>Permissions of the reporting module (plans, coverage, exports, API keys, notifications).</summary>
public sealed class Permissions : IPermissionProvider
{
    public const string ViewReports = "Reporting.ViewReports";
    public const string ManagePlans = "Reporting.ManagePlans";
    public const string ManageApiKeys = "Reporting.ManageApiKeys";
    public const string ReceiveNotifications = "Reporting.ReceiveNotifications";

    private static readonly Permission ViewReportsP = new(ViewReports, "Xem kế hoạch, chỉ tiêu, độ bao phủ và xuất báo cáo trong phạm vi");
    private static readonly Permission ManagePlansP = new(ManagePlans, "Tạo và sửa kế hoạch, chỉ tiêu của các đơn vị trong phạm vi");
    private static readonly Permission ManageApiKeysP = new(ManageApiKeys, "Tạo và thu hồi khóa API cho hệ thống nhân sự");
    private static readonly Permission ReceiveNotificationsP = new(ReceiveNotifications, "Nhận thông báo nhắc việc");

    public IEnumerable<Permission> GetPermissions() => [ViewReportsP, ManagePlansP, ManageApiKeysP, ReceiveNotificationsP];

    public IEnumerable<RoleGrant> GetDefaultGrants() =>
    [
        new(BuiltInRoles.Administrator, [ViewReportsP, ManagePlansP, ManageApiKeysP, ReceiveNotificationsP]),
        new(BuiltInRoles.HR, [ViewReportsP, ManagePlansP, ReceiveNotificationsP]),
        new(BuiltInRoles.Trainer, [ReceiveNotificationsP]),
        new(BuiltInRoles.Learner, [ReceiveNotificationsP]),
    ];
}
