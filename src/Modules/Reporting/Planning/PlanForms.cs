using System.Globalization;
using System.Text.RegularExpressions;
using Training.Abstractions.Text;
using Training.Platform.Text;
using Training.Reporting.Data;

namespace Training.Reporting.Planning;

/// <summary>An error on one field of a form, in Vietnamese, naming the field (and the line or row when there is one).</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>The plan form as typed: every value is a string so that a bad value can be shown back with its error.</summary>
public sealed partial class PlanForm
{
    public string? Number { get; set; }
    public string? Title { get; set; }
    public string? Issuer { get; set; }
    public string? IssuedOn { get; set; }
    public string? FromYear { get; set; }
    public string? ToYear { get; set; }
    public string? BasisNumber { get; set; }
    public Guid? UnitId { get; set; }
    public string? Note { get; set; }

    /// <summary>Yearly reporting deadline "20/11" (empty: none) and the days before it the report is sent.</summary>
    public string? ReportDeadline { get; set; }
    public string? ReportLeadDays { get; set; }

    /// <summary>One phase per line: "Giai đoạn 1: 2020–2022".</summary>
    public string? Phases { get; set; }

    public static PlanForm From(Plan p) => new()
    {
        Number = p.Number, Title = p.Title, Issuer = p.Issuer, IssuedOn = FormValues.Date(p.IssuedOn),
        FromYear = p.FromYear?.ToString(CultureInfo.InvariantCulture), ToYear = p.ToYear?.ToString(CultureInfo.InvariantCulture),
        BasisNumber = p.BasisNumber, UnitId = p.UnitId, Note = p.Note,
        ReportDeadline = p.ReportDeadlineDay is { } d && p.ReportDeadlineMonth is { } m ? new Deadlines.ReportDeadline(d, m).ToString() : null,
        ReportLeadDays = p.ReportLeadDays?.ToString(CultureInfo.InvariantCulture),
        Phases = string.Join('\n', p.Phases.OrderBy(x => x.FromYear).Select(x => $"{x.Name}: {x.FromYear}–{x.ToYear}")),
    };

    /// <summary>Checks the form and, when it is valid, writes it to <paramref name="plan"/> (phases replaced).
    /// <paramref name="unitAllowed"/> says whether the reporting unit (null: none) is in the editor's scope.</summary>
    public List<FieldError> ApplyTo(Plan plan, Func<Guid?, bool> unitAllowed)
    {
        var errors = new List<FieldError>();
        if (!unitAllowed(UnitId))
            errors.Add(new(nameof(UnitId), UnitId is null ? "Đơn vị báo cáo: cần chọn một đơn vị trong phạm vi quản lý của bạn." : "Đơn vị báo cáo: nằm ngoài phạm vi quản lý của bạn."));
        var title = VietnameseText.Clean(Title);
        var issuer = VietnameseText.Clean(Issuer);
        if (title.Length == 0) errors.Add(new(nameof(Title), "Tên kế hoạch: cần nhập."));
        if (issuer.Length == 0) errors.Add(new(nameof(Issuer), "Cơ quan ban hành: cần nhập."));
        // Plan titles as issued run past TextLimits.Name (the Cát Hải plan's is ~300 characters): a title is a line.
        FormValues.Limit(title, TextLimits.Line, nameof(Title), "Tên kế hoạch", errors);
        FormValues.Limit(issuer, TextLimits.Name, nameof(Issuer), "Cơ quan ban hành", errors);
        FormValues.Limit(VietnameseText.Clean(Number), TextLimits.Code, nameof(Number), "Số hiệu", errors);
        FormValues.Limit(VietnameseText.Clean(BasisNumber), TextLimits.Code, nameof(BasisNumber), "Căn cứ (số văn bản)", errors);
        FormValues.Limit(VietnameseText.Clean(Note), TextLimits.Paragraph, nameof(Note), "Ghi chú", errors);
        var issuedOn = FormValues.ParseDate(IssuedOn, nameof(IssuedOn), "Ngày ban hành", errors);
        var from = FormValues.ParseYear(FromYear, nameof(FromYear), "Từ năm", errors);
        var to = FormValues.ParseYear(ToYear, nameof(ToYear), "Đến năm", errors);
        if (from is not null && to is not null && from > to) errors.Add(new(nameof(ToYear), "Đến năm: phải từ năm bắt đầu trở đi."));
        var phases = ParsePhases(errors);
        var (deadline, lead) = ParseDeadline(errors);
        if (errors.Count > 0) return errors;

        plan.Number = FormValues.Optional(Number);
        plan.Title = title;
        plan.Issuer = issuer;
        plan.IssuedOn = issuedOn;
        plan.FromYear = from;
        plan.ToYear = to;
        plan.BasisNumber = FormValues.Optional(BasisNumber);
        plan.UnitId = UnitId;
        plan.Note = FormValues.Optional(Note);
        plan.ReportDeadlineDay = deadline?.Day;
        plan.ReportDeadlineMonth = deadline?.Month;
        plan.ReportLeadDays = deadline is null ? null : lead;
        plan.Phases.Clear();
        foreach (var (name, f, t) in phases) plan.Phases.Add(new PlanPhase { Name = name, FromYear = f, ToYear = t }); // key generated on add
        return errors;
    }

    private (Deadlines.ReportDeadline? Deadline, int? Lead) ParseDeadline(List<FieldError> errors)
    {
        var text = VietnameseText.Clean(ReportDeadline);
        var leadText = VietnameseText.Clean(ReportLeadDays);
        if (text.Length == 0) return (null, null);
        var deadline = Deadlines.ReportDeadline.Parse(text.Length > 20 ? text[..20] : text, out var error);
        if (error is not null) errors.Add(new(nameof(ReportDeadline), error));
        if (leadText.Length == 0) return (deadline, null);
        if (!int.TryParse(leadText, NumberStyles.None, CultureInfo.InvariantCulture, out var lead) || lead < 1 || lead > Deadlines.ReportDeadline.MaxLeadDays)
        {
            errors.Add(new(nameof(ReportLeadDays), $"Gửi báo cáo trước hạn: cần là số ngày từ 1 đến {Deadlines.ReportDeadline.MaxLeadDays}."));
            return (deadline, null);
        }
        return (deadline, lead);
    }

    private List<(string Name, int From, int To)> ParsePhases(List<FieldError> errors)
    {
        var result = new List<(string, int, int)>();
        if ((Phases ?? "").Length > TextLimits.Paragraph)
        {
            FormValues.Limit(Phases, TextLimits.Paragraph, nameof(Phases), "Giai đoạn", errors);
            return result;
        }
        var lines = (Phases ?? "").Replace("\r", "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = VietnameseText.Clean(lines[i]);
            if (line.Length == 0) continue;
            var m = PhaseLine().Match(line);
            if (!m.Success)
            {
                errors.Add(new(nameof(Phases), $"Giai đoạn, dòng {i + 1}: cần có dạng “Giai đoạn 1: 2020–2022”."));
                continue;
            }
            int f = int.Parse(m.Groups["from"].Value, CultureInfo.InvariantCulture), t = int.Parse(m.Groups["to"].Value, CultureInfo.InvariantCulture);
            if (m.Groups["name"].Value.Trim().Length > TextLimits.Name)
                errors.Add(new(nameof(Phases), $"Giai đoạn, dòng {i + 1}: tên giai đoạn tối đa {TextLimits.Name} ký tự."));
            else if (f > t) errors.Add(new(nameof(Phases), $"Giai đoạn, dòng {i + 1}: năm kết thúc trước năm bắt đầu."));
            else result.Add((m.Groups["name"].Value.Trim(), f, t));
        }
        return result;
    }

    [GeneratedRegex(@"^(?<name>.+?)\s*[:：]\s*(?<from>\d{4})\s*[–—-]\s*(?<to>\d{4})$")]
    private static partial Regex PhaseLine();
}

/// <summary>One milestone row of the target form.</summary>
public sealed class MilestoneRow
{
    public string? DueOn { get; set; }
    public string? Percent { get; set; }

    /// <summary>"trên" (strictly above) rather than "đạt" (at least).</summary>
    public bool Strict { get; set; }
}

/// <summary>The target form as typed.</summary>
public sealed class TargetForm
{
    public const int MilestoneRows = 4;

    /// <summary>More than a plan states; bounds the work a forged form can ask for.</summary>
    public const int MaxMilestones = 20;
    public const int MaxProgrammes = 50;

    public string? Ordinal { get; set; }
    public string? Indicator { get; set; }
    public TargetKind Kind { get; set; } = TargetKind.StaffCertified;
    public Guid? UnitId { get; set; }

    /// <summary>Staff categories separated by ';' (empty: all staff).</summary>
    public string? Categories { get; set; }
    public List<string> Programmes { get; set; } = [];
    public string? Note { get; set; }
    public List<MilestoneRow> Milestones { get; set; } = [];

    public static TargetForm From(PlanTarget t) => new()
    {
        Ordinal = t.Ordinal.ToString(CultureInfo.InvariantCulture), Indicator = t.Indicator, Kind = t.Kind, UnitId = t.UnitId,
        Categories = string.Join("; ", t.CategoryList), Programmes = [.. t.ProgrammeCodeList], Note = t.Note,
        Milestones = [.. t.Milestones.OrderBy(m => m.DueOn).Select(m => new MilestoneRow
        {
            DueOn = FormValues.Date(m.DueOn), Percent = m.Percent.ToString("0.##", CultureInfo.InvariantCulture), Strict = m.Strict,
        })],
    };

    /// <summary>Pads the milestone rows to <see cref="MilestoneRows"/> so the form always offers empty rows.</summary>
    public TargetForm WithEmptyRows()
    {
        while (Milestones.Count < MilestoneRows) Milestones.Add(new MilestoneRow());
        return this;
    }

    /// <summary>Checks the form and, when valid, writes it to <paramref name="target"/> (milestones replaced).
    /// <paramref name="unitAllowed"/> says whether the chosen unit is in the editor's scope.</summary>
    public List<FieldError> ApplyTo(PlanTarget target, Func<Guid?, bool> unitAllowed, IReadOnlyCollection<string>? knownProgrammes,
        Func<int, bool>? ordinalTaken = null)
    {
        var errors = new List<FieldError>();
        var indicator = VietnameseText.Clean(Indicator);
        if (indicator.Length == 0) errors.Add(new(nameof(Indicator), "Chỉ tiêu (nguyên văn): cần nhập."));
        FormValues.Limit(indicator, TextLimits.Paragraph, nameof(Indicator), "Chỉ tiêu (nguyên văn)", errors);
        FormValues.Limit(VietnameseText.Clean(Categories), TextLimits.Line, nameof(Categories), "Đối tượng", errors);
        FormValues.Limit(VietnameseText.Clean(Note), TextLimits.Paragraph, nameof(Note), "Ghi chú", errors);
        if (Programmes.Count > MaxProgrammes) errors.Add(new(nameof(Programmes), $"Chương trình được tính: tối đa {MaxProgrammes} chương trình."));
        if (Programmes.Any(c => (c ?? "").Length > TextLimits.Code))
            errors.Add(new(nameof(Programmes), $"Chương trình được tính: mã chương trình tối đa {TextLimits.Code} ký tự."));
        if (Milestones.Count > MaxMilestones)
        {
            errors.Add(new(nameof(Milestones), $"Mốc: tối đa {MaxMilestones} mốc."));
            return errors;
        }
        if (!int.TryParse(Ordinal, NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal) || ordinal < 1 || ordinal > 999)
            errors.Add(new(nameof(Ordinal), "Số thứ tự: cần là số nguyên từ 1 đến 999."));
        else if (ordinalTaken?.Invoke(ordinal) == true)
            errors.Add(new(nameof(Ordinal), $"Số thứ tự: kế hoạch đã có chỉ tiêu {ordinal}."));
        if (!Enum.IsDefined(Kind)) errors.Add(new(nameof(Kind), "Cách đo: giá trị không hợp lệ."));
        var programmes = Programmes.Select(VietnameseText.Clean).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (Kind == TargetKind.StaffCertified)
        {
            if (UnitId is null) errors.Add(new(nameof(UnitId), "Đơn vị: cần chọn đơn vị có đối tượng được tính."));
            if (programmes.Count == 0) errors.Add(new(nameof(Programmes), "Chương trình được tính: cần chọn ít nhất một chương trình chứng chỉ."));
        }
        if (UnitId is not null && !unitAllowed(UnitId)) errors.Add(new(nameof(UnitId), "Đơn vị: nằm ngoài phạm vi quản lý của bạn."));
        if (UnitId is null && !unitAllowed(null)) errors.Add(new(nameof(UnitId), "Đơn vị: cần chọn một đơn vị trong phạm vi quản lý của bạn."));
        if (knownProgrammes is not null)
            foreach (var code in programmes.Where(c => !knownProgrammes.Contains(c, StringComparer.OrdinalIgnoreCase)))
                errors.Add(new(nameof(Programmes), $"Chương trình được tính: không có chương trình mã “{code}”."));
        var milestones = new List<Milestone>();
        for (var i = 0; i < Milestones.Count; i++)
        {
            var row = Milestones[i];
            if (string.IsNullOrWhiteSpace(row.DueOn) && string.IsNullOrWhiteSpace(row.Percent)) continue;
            var label = $"Mốc {i + 1}";
            var due = FormValues.ParseDate(row.DueOn, $"Milestones[{i}].DueOn", $"{label}, thời hạn", errors);
            if (due is null && string.IsNullOrWhiteSpace(row.DueOn)) errors.Add(new($"Milestones[{i}].DueOn", $"{label}, thời hạn: cần nhập (ngày/tháng/năm, ví dụ 31/12/2030)."));
            decimal percent = 0;
            var percentText = (row.Percent ?? "").Trim().TrimEnd('%').Trim().Replace(',', '.');
            if (!decimal.TryParse(percentText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out percent) || percent <= 0 || percent > 100)
                errors.Add(new($"Milestones[{i}].Percent", $"{label}, tỷ lệ: cần là số lớn hơn 0 và không quá 100."));
            if (due is not null) milestones.Add(new Milestone { DueOn = due.Value, Percent = percent, Strict = row.Strict }); // key generated on add
        }
        if (milestones.GroupBy(m => m.DueOn).Any(g => g.Count() > 1)) errors.Add(new(nameof(Milestones), "Mốc: hai mốc trùng thời hạn."));
        if (Kind == TargetKind.NotMeasured && milestones.Count > 0)
            errors.Add(new(nameof(Milestones), "Mốc: chỉ tiêu chỉ ghi nhận (không tính tự động) không có mốc tỷ lệ."));
        if (errors.Count > 0) return errors;

        target.Ordinal = ordinal;
        target.Indicator = indicator;
        target.Kind = Kind;
        target.UnitId = UnitId;
        target.Categories = string.Join(';', (Categories ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(c => VietnameseText.Clean(c).ToLowerInvariant()).Where(c => c.Length > 0).Distinct());
        target.ProgrammeCodes = string.Join(';', programmes);
        target.Note = FormValues.Optional(Note);
        target.Milestones.Clear();
        target.Milestones.AddRange(milestones.OrderBy(m => m.DueOn));
        return errors;
    }
}
