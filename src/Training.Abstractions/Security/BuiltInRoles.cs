namespace Training.Abstractions.Security;

/// <summary>
/// Names of the built-in roles. They are used only to declare default grants and to seed;
/// access checks go through permissions.
/// </summary>
public static class BuiltInRoles
{
    /// <summary>Học viên.</summary>
    public const string Learner = "Learner";
    /// <summary>Giảng viên.</summary>
    public const string Trainer = "Trainer";
    /// <summary>Tổ chức cán bộ.</summary>
    public const string HR = "HR";
    /// <summary>Quản trị hệ thống.</summary>
    public const string Administrator = "Administrator";

    /// <summary>All built-in roles with their Vietnamese display names.</summary>
    public static readonly IReadOnlyDictionary<string, string> DisplayNames = new Dictionary<string, string>
    {
        [Learner] = "Học viên",
        [Trainer] = "Giảng viên",
        [HR] = "Tổ chức cán bộ",
        [Administrator] = "Quản trị hệ thống",
    };
}
