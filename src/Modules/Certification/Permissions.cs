using Training.Abstractions.Security;

namespace Training.Certification;

/// <summary>Permissions of the certification module.</summary>
public sealed class Permissions : IPermissionProvider
{
    public const string ViewOwn = "Certification.ViewOwn";
    public const string ViewCertificates = "Certification.ViewCertificates";
    public const string ManageCertificates = "Certification.ManageCertificates";
    public const string ManageProgrammes = "Certification.ManageProgrammes";

    private static readonly Permission OwnP = new(ViewOwn, "Xem và tải chứng chỉ của mình");
    private static readonly Permission ViewP = new(ViewCertificates, "Xem và xuất chứng chỉ của cán bộ trong phạm vi");
    private static readonly Permission ManageP = new(ManageCertificates, "Cấp, cấp lại và thu hồi chứng chỉ");
    private static readonly Permission ProgrammesP = new(ManageProgrammes, "Quản lý chương trình cấp chứng chỉ");

    public IEnumerable<Permission> GetPermissions() => [OwnP, ViewP, ManageP, ProgrammesP];

    public IEnumerable<RoleGrant> GetDefaultGrants() =>
    [
        new(BuiltInRoles.Administrator, [OwnP, ViewP, ManageP, ProgrammesP]),
        new(BuiltInRoles.HR, [OwnP, ViewP, ManageP]),
        new(BuiltInRoles.Trainer, [OwnP]),
        new(BuiltInRoles.Learner, [OwnP]),
    ];
}
