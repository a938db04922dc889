using Training.Abstractions.Navigation;

namespace Training.Certification;

internal sealed class CertificationMenu : IMenuProvider
{
    public IEnumerable<MenuItem> GetItems() =>
    [
        new(MenuArea.Main, "Chứng chỉ của tôi", "/certificates", Permissions.ViewOwn, 40),
        new(MenuArea.Main, "Tra cứu chứng chỉ", "/verify", null, 60),
        new(MenuArea.Hr, "Chứng chỉ", "/hr/certificates", Permissions.ViewCertificates, 30, "Chứng chỉ của cán bộ trong phạm vi: lọc, thu hồi, cấp lại, xuất tệp."),
        new(MenuArea.Hr, "Cấp chứng chỉ thủ công", "/hr/certificates/issue", Permissions.ManageCertificates, 40, "Cấp chứng chỉ cho một cán bộ, có ghi lý do."),
        new(MenuArea.Admin, "Chương trình chứng chỉ", "/admin/programmes", Permissions.ManageProgrammes, 40, "Điều kiện cấp, thời hạn, đơn vị cấp, người ký và mẫu giấy chứng nhận."),
        new(MenuArea.Admin, "Con dấu, chữ ký và chữ ký số", "/admin/issuers", Permissions.ManageProgrammes, 41, "Ảnh con dấu, chữ ký của người ký và chứng thư số của từng đơn vị cấp."),
    ];
}
