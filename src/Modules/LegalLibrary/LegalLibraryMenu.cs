using Training.Abstractions.Navigation;

namespace Training.LegalLibrary;

internal sealed class LegalLibraryMenu : IMenuProvider
{
    public IEnumerable<MenuItem> GetItems() => [new(MenuArea.Main, "Thư viện pháp luật", "/legal", null, 30)];
}
