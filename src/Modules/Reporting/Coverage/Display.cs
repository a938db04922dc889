using System.Globalization;
using Training.Platform.Time;
using Training.Reporting.Data;

namespace Training.Reporting.Coverage;

/// <summary>Vietnamese labels and formats shared by pages and reports.</summary>
public static class Display
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>"57,6 %"; "—" when there is no share (an empty population).</summary>
    public static string Percent(decimal? value) => value is { } v ? v.ToString("0.0", Vi) + " %" : "—";

    /// <summary>The share as a plain number for spreadsheets ("57.6"); "—" when there is none.</summary>
    public static string PercentNumber(decimal? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "—";

    /// <summary>The line that reconciles a unit's rows with its total (see <see cref="Reconciliation"/>).</summary>
    public static string SharedLabel(int people) => $"Trừ: {people.ToString("N0", Vi)} người có vị trí ở nhiều dòng trên";

    public const string SharedNote = "Người kiêm nhiệm ở nhiều đơn vị được tính ở mỗi đơn vị nhưng chỉ một lần trong tổng";

    public static string Date(DateOnly? day) => day?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    /// <summary>An instant in Vietnam's time: "02/12/2026 02:00".</summary>
    public static string Time(DateTimeOffset instant) => instant.InVietnam().ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"2.000.000".</summary>
    public static string Count(int value) => value.ToString("N0", Vi);

    public static string Milestone(Milestone m) =>
        $"{(m.Strict ? "trên " : "")}{m.Percent.ToString("0.#", Vi)} % đến {Date(m.DueOn)}";

    public static string Status(MilestoneStatus status) => status switch
    {
        MilestoneStatus.Met => "Đạt",
        MilestoneStatus.Missed => "Không đạt",
        MilestoneStatus.OnTrack => "Đúng tiến độ",
        MilestoneStatus.NoPopulation => "Không có người thuộc đối tượng",
        _ => "Có nguy cơ không đạt",
    };

    public static string Badge(MilestoneStatus status) => status switch
    {
        MilestoneStatus.Met or MilestoneStatus.OnTrack => "badge badge-ok",
        MilestoneStatus.AtRisk => "badge badge-warn",
        MilestoneStatus.NoPopulation => "badge",
        _ => "badge badge-bad",
    };

    public static string Period(Plan plan) => (plan.FromYear, plan.ToYear) switch
    {
        ({ } f, { } t) => $"{f} – {t}",
        ({ } f, null) => $"từ {f}",
        _ => "không nêu",
    };

    public static string State(DataState state) => state switch
    {
        DataState.NotMeasured => "Chỉ tiêu không đo trên hệ thống (đối tượng không phải cán bộ trên hệ thống).",
        DataState.NoUnit => "Chưa gắn đơn vị trong cơ cấu tổ chức: chưa tính độ bao phủ.",
        DataState.NoLedger => "Chưa có dữ liệu chứng chỉ (phân hệ chứng chỉ chưa được cài đặt).",
        _ => "",
    };

    public static string Categories(PlanTarget t) => t.CategoryList.Count == 0 ? "toàn bộ cán bộ" : string.Join(", ", t.CategoryList);
}
