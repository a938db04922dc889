using Training.Abstractions.Security;

namespace Training.Courses;

/// <summary>Permissions of the courses module.</summary>
public sealed class Permissions : IPermissionProvider
{
    public const string Learn = "Courses.Learn";
    public const string Author = "Courses.Author";
    public const string EditAllCourses = "Courses.EditAll";
    public const string RunClasses = "Courses.RunClasses";
    public const string Assign = "Courses.Assign";
    public const string ExportStatements = "Courses.ExportStatements";
    public const string ViewEvaluations = "Courses.ViewEvaluations";

    private static readonly Permission LearnP = new(Learn, "Học các khóa học, làm bài kiểm tra");
    private static readonly Permission AuthorP = new(Author, "Soạn khóa học của mình");
    private static readonly Permission EditAllP = new(EditAllCourses, "Sửa mọi khóa học");
    private static readonly Permission RunClassesP = new(RunClasses, "Tổ chức lớp tập huấn, điểm danh");
    private static readonly Permission AssignP = new(Assign, "Giao khóa học cho cán bộ trong phạm vi");
    private static readonly Permission ExportP = new(ExportStatements, "Xuất dữ liệu học tập (xAPI) trong phạm vi");
    private static readonly Permission EvaluationsP = new(ViewEvaluations, "Xem kết quả đánh giá khóa học (ẩn danh, gộp) trong phạm vi");

    public IEnumerable<Permission> GetPermissions() => [LearnP, AuthorP, EditAllP, RunClassesP, AssignP, ExportP, EvaluationsP];

    public IEnumerable<RoleGrant> GetDefaultGrants() =>
    [
        new(BuiltInRoles.Learner, [LearnP]),
        new(BuiltInRoles.Trainer, [LearnP, AuthorP, RunClassesP]),
        new(BuiltInRoles.HR, [LearnP, AssignP, ExportP, EvaluationsP]),
        new(BuiltInRoles.Administrator, [LearnP, AuthorP, EditAllP, RunClassesP, AssignP, ExportP, EvaluationsP]),
    ];
}
