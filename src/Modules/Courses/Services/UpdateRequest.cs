using Training.Abstractions.Text;
using Training.Courses.Data;
using Training.Platform.Text;
using Training.Platform.Time;

namespace Training.Courses.Services;

/// <summary>Marking a course "cần cập nhật": who asked, why, and by when holders must complete the updated course.
/// The next publication publishes <c>CourseRevised</c> and clears the mark.</summary>
public static class UpdateRequest
{
    /// <summary>Due date used when none was chosen: three months to take the updated course.</summary>
    public const int DefaultDueDays = 90;

    /// <summary>Sets the mark; returns a Vietnamese error naming the field, or null.</summary>
    public static string? Mark(Course course, string userId, string? reason, DateOnly? dueOn, TimeProvider clock)
    {
        var text = VietnameseText.Clean(reason ?? "").Trim();
        if (text.Length == 0) return "Lý do cần cập nhật: bắt buộc nhập.";
        if (text.Length > TextLimits.Paragraph) return $"Lý do cần cập nhật: tối đa {TextLimits.Paragraph} ký tự.";
        var today = clock.Today();
        if (dueOn is { } d && (d <= today || d > today.AddYears(3))) return "Hạn hoàn thành chu kỳ mới: phải sau hôm nay và trong vòng 3 năm.";
        course.UpdateRequestedAt = clock.GetUtcNow().ToUniversalTime();
        course.UpdateRequestedBy = userId;
        course.UpdateReason = text;
        course.RecertifyDueOn = dueOn ?? today.AddDays(DefaultDueDays);
        return null;
    }

    public static void Clear(Course course)
    {
        course.UpdateRequestedAt = null;
        course.UpdateRequestedBy = null;
        course.UpdateReason = null;
        course.RecertifyDueOn = null;
    }
}
