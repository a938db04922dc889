namespace Training.Reporting.Data;

/// <summary>A plan (Kế hoạch) as issued: number, title, issuer, date, period and phases.</summary>
public sealed class Plan
{
    public Guid Id { get; set; }

    /// <summary>Document number as printed ("58/KH-SGDĐT"); null when the text carries none.</summary>
    public string? Number { get; set; }
    public string Title { get; set; } = "";
    public string Issuer { get; set; } = "";
    public DateOnly? IssuedOn { get; set; }
    public int? FromYear { get; set; }
    public int? ToYear { get; set; }

    /// <summary>Number of the document the plan implements ("311/QĐ-TTg"); with <see cref="Number"/> it links to the legal library.</summary>
    public string? BasisNumber { get; set; }

    /// <summary>Short note on how the plan was modelled (e.g. "no numeric target").</summary>
    public string? Note { get; set; }

    /// <summary>The unit that reports on the plan (issuer's unit in the organisation); null when not in the organisation.</summary>
    public Guid? UnitId { get; set; }

    /// <summary>Reporting deadline recurring every year ("trước ngày 20/11 hằng năm"): day and month, both or neither.</summary>
    public int? ReportDeadlineDay { get; set; }
    public int? ReportDeadlineMonth { get; set; }

    /// <summary>Days before the deadline the yearly report is generated and sent to the reporting unit's HR; null = default (14).</summary>
    public int? ReportLeadDays { get; set; }

    public List<PlanPhase> Phases { get; set; } = [];
    public List<PlanTarget> Targets { get; set; } = [];
}

/// <summary>A phase of a plan (Giai đoạn 1: 2020–2022).</summary>
public sealed class PlanPhase
{
    public Guid Id { get; set; }
    public Guid PlanId { get; set; }
    public string Name { get; set; } = "";
    public int FromYear { get; set; }
    public int ToYear { get; set; }
}

/// <summary>How a target is measured.</summary>
public enum TargetKind
{
    /// <summary>Share of staff in the population holding a valid certificate of a counted programme.</summary>
    StaffCertified = 0,

    /// <summary>The indicator concerns people or things the site does not hold (pupils, schools' channels):
    /// recorded as written, not computed.</summary>
    NotMeasured = 1,
}

/// <summary>A target (chỉ tiêu) of a plan.</summary>
public sealed class PlanTarget
{
    public Guid Id { get; set; }
    public Guid PlanId { get; set; }
    public int Ordinal { get; set; }

    /// <summary>The indicator as written in the plan.</summary>
    public string Indicator { get; set; } = "";
    public TargetKind Kind { get; set; }

    /// <summary>Root of the population's unit subtree; null: no unit of the organisation (not computed).</summary>
    public Guid? UnitId { get; set; }

    /// <summary>Staff categories of the population, ';'-separated; empty: all staff.</summary>
    public string Categories { get; set; } = "";

    /// <summary>Codes of the programmes whose certificates count, ';'-separated (resolved at query time).</summary>
    public string ProgrammeCodes { get; set; } = "";

    public string? Note { get; set; }

    public List<Milestone> Milestones { get; set; } = [];

    public IReadOnlyList<string> CategoryList => Split(Categories);
    public IReadOnlyList<string> ProgrammeCodeList => Split(ProgrammeCodes);

    private static string[] Split(string value) =>
        value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>A milestone: at least (or above) <see cref="Percent"/> by <see cref="DueOn"/>.</summary>
public sealed class Milestone
{
    public Guid Id { get; set; }
    public Guid TargetId { get; set; }
    public DateOnly DueOn { get; set; }
    public decimal Percent { get; set; }

    /// <summary>"trên 80 %" is strictly above; "đạt 100 %" is at least.</summary>
    public bool Strict { get; set; }
}
