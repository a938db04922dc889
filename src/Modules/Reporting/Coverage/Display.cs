using System.Globalization;
using Training.Reporting.Data;

namespace Training.Reporting.Coverage;

/// <summary>Vietnamese labels and formats shared by pages and reports.</summary>
public static class Display
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string Percent(decimal value) => value.ToString("0.0", Vi) + " %";

    public static string Date(DateOnly? day) => day?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    public static string Milestone(Milestone m) =>
        $"{(m.Strict ? "trên " : "")}{m.Percent.ToString("0.#", Vi)} % đến {Date(m.DueOn)}";

    public static string Status(MilestoneStatus status) => status switch
    {
        MilestoneStatus.Met => "Đạt",
        MilestoneStatus.Missed => "Không đạt",
        MilestoneStatus.OnTrack => "Đúng tiến độ",
        _ => "Có nguy cơ không đạt",
    };

    public static string Badge(MilestoneStatus status) => status switch
    {
        MilestoneStatus.Met or MilestoneStatus.OnTrack => "badge badge-ok",
        MilestoneStatus.AtRisk => "badge badge-warn",
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
