using Training.Abstractions.Organisation;

namespace Training.Reporting.Heads;

/// <summary>One person of a unit head's subtree on a day: assigned courses (done, in progress, overdue) and certificates
/// (programmes with a valid certificate, of which expiring within the reminder horizon).</summary>
public sealed record TeamRow(PersonInfo Person, int Assigned, int InProgress, int Overdue, DateOnly? OldestOverdueOn, int Certified,
    int Expiring, DateOnly? NextExpiryOn)
{
    public bool NeedsReminder => Overdue > 0 || Expiring > 0;
}

/// <summary>Filters of "Đơn vị của tôi".</summary>
public enum TeamStatus
{
    Overdue,
    Expiring,
    InProgress,
    Certified,
    NotAssigned,
}

public static class TeamStatusText
{
    public static string Label(TeamStatus status) => status switch
    {
        TeamStatus.Overdue => "Quá hạn",
        TeamStatus.Expiring => "Chứng chỉ sắp hết hạn",
        TeamStatus.InProgress => "Đang học",
        TeamStatus.Certified => "Đã có chứng chỉ",
        _ => "Chưa được giao khóa học",
    };

    public static bool Matches(TeamRow row, TeamStatus status) => status switch
    {
        TeamStatus.Overdue => row.Overdue > 0,
        TeamStatus.Expiring => row.Expiring > 0,
        TeamStatus.InProgress => row.InProgress > 0,
        TeamStatus.Certified => row.Certified > 0,
        _ => row.Assigned == 0,
    };
}
