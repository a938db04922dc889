using Training.Abstractions.Navigation;

namespace Training.LegalLibrary;

internal sealed class LegalLibraryMenu : IMenuProvider
{
    public IEnumerable<MenuItem> GetItems() =>
    [
        new(MenuArea.Main, "Thư viện pháp luật", "/legal", null, 30),
        new(MenuArea.Admin, "Văn bản chưa có toàn văn", "/admin/legal/documents", Permissions.ImportCorpus, 60,
            "Ghi nhận văn bản mới (số hiệu, hiệu lực, văn bản được thay thế) trước khi nhập toàn văn."),
    ];
}
