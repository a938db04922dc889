using Training.Abstractions.Navigation;

namespace Training.Courses;

internal sealed class CoursesMenu : IMenuProvider
{
    public IEnumerable<MenuItem> GetItems() =>
    [
        new(MenuArea.Main, "Khóa học", "/courses", null, 10),
        new(MenuArea.Main, "Học tập của tôi", "/learning", Permissions.Learn, 20),
        new(MenuArea.Main, "Soạn khóa học", "/authoring", Permissions.Author, 30),
        new(MenuArea.Home, "Soạn khóa học", "/authoring", Permissions.Author, 30),
        new(MenuArea.Home, "Học tập của tôi", "/learning", Permissions.Learn, 100),
        new(MenuArea.Hr, "Giao khóa học", "/hr/assignments", Permissions.Assign, 30, "Giao khóa học cho cán bộ theo đơn vị hoặc đối tượng, có hạn hoàn thành."),
    ];
}
