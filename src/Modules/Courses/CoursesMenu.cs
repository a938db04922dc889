using Training.Abstractions.Navigation;

namespace Training.Courses;

internal sealed class CoursesMenu : IMenuProvider
{
    public IEnumerable<MenuItem> GetItems() =>
    [
        new(MenuArea.Main, "Khoá học", "/courses", null, 10),
        new(MenuArea.Main, "Học tập của tôi", "/learning", Permissions.Learn, 20),
        new(MenuArea.Main, "Soạn khoá học", "/authoring", Permissions.Author, 30),
        new(MenuArea.Home, "Soạn khoá học", "/authoring", Permissions.Author, 30),
        new(MenuArea.Home, "Học tập của tôi", "/learning", Permissions.Learn, 100),
        new(MenuArea.Hr, "Giao khoá học", "/hr/assignments", Permissions.Assign, 30, "Giao khoá học cho cán bộ theo đơn vị hoặc đối tượng, có hạn hoàn thành."),
    ];
}
