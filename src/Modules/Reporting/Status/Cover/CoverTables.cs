namespace Training.Reporting.Status;

// Pre-summed dashboard counts (issue 13 item 5, design in docs/notes/issue-13-cover.md): the national dashboard cannot
// read two million status rows per render, so Reporting keeps totals per ancestor unit, built in SQL and kept current
// by StatusRefresher in the same transaction as the status rows.

/// <summary>The unit tree the cover tables were built for (table <c>rpt_cover_tree</c>, one row): a dashboard uses the
/// tables only while the directory's tree has this fingerprint; otherwise it counts from the status rows (exact, slower)
/// until the daily re-sync rebuilds. No row: nothing is built, or the tree changed since.</summary>
public sealed class CoverTree
{
    /// <summary>The one row's key: reads filter on it (a read of "the first row" without a filter is a warning in EF).</summary>
    public const int OnlyId = 1;

    public int Id { get; set; } = OnlyId;
    public string Fingerprint { get; set; } = "";
    public DateTimeOffset BuiltAt { get; set; }
}

/// <summary>A unit and one of its ancestors, itself included (table <c>rpt_unit_closure</c>).</summary>
public sealed class UnitClosure
{
    public Guid UnitId { get; set; }
    public Guid AncestorId { get; set; }

    /// <summary>Depth of the ancestor (a root is 0).</summary>
    public int AncestorDepth { get; set; }

    /// <summary>The ancestor is the unit itself.</summary>
    public bool Own { get; set; }
}

/// <summary>The programmes of one or more targets (table <c>rpt_cover_sets</c>): a person counts as certified in the set
/// when certified in any of them. <see cref="ProgrammeKey"/>: the programme ids, sorted, comma-separated.</summary>
public sealed class CoverSet
{
    public int Id { get; set; }
    public string ProgrammeKey { get; set; } = "";

    /// <summary>When the set's cover rows and totals were built; null: not yet (its targets count from the status rows).</summary>
    public DateTimeOffset? BuiltAt { get; set; }
}

/// <summary>One post of a person and one unbroken span during which the person held a valid certificate of any of the
/// set's programmes (table <c>rpt_cover</c>; spans of several programmes are merged, so a person counts once).</summary>
public sealed class CoverRow
{
    public int SetId { get; set; }
    public string UserId { get; set; } = "";
    public Guid UnitId { get; set; }

    /// <summary>The person's staff category, "" for none.</summary>
    public string Category { get; set; } = "";

    /// <summary>The post's <see cref="StaffMember.MinDepth"/>.</summary>
    public int MinDepth { get; set; }
    public DateOnly ValidFrom { get; set; }

    /// <summary>The span's last valid day; null: no end.</summary>
    public DateOnly? ValidTo { get; set; }

    /// <summary>Last day of <see cref="ValidFrom"/>'s month.</summary>
    public DateOnly FromKey { get; set; }

    /// <summary>Last month end on or before <see cref="ValidTo"/>; <see cref="DateOnly.MaxValue"/> when there is no end.</summary>
    public DateOnly ToKey { get; set; }
}

/// <summary>Cover rows summed per ancestor unit, category and month keys (table <c>rpt_cover_totals</c>): on a month
/// end <c>m</c>, <c>FromKey ≤ m ≤ ToKey</c> exactly when the span covers <c>m</c>.</summary>
public sealed class CoverTotal
{
    public int SetId { get; set; }
    public Guid AncestorId { get; set; }
    public string Category { get; set; } = "";
    public DateOnly FromKey { get; set; }
    public DateOnly ToKey { get; set; }

    /// <summary>People counted in the ancestor (posts with <c>MinDepth ≤ depth</c>).</summary>
    public int N { get; set; }

    /// <summary>Rows counting a person a second time among the ancestor's rows (posts with <c>MinDepth = depth + 1</c>).</summary>
    public int Extra { get; set; }

    /// <summary>Posts in the ancestor itself (its "direct" row).</summary>
    public int Own { get; set; }
}

/// <summary>Staff posts summed per ancestor unit and category (table <c>rpt_cover_population</c>).</summary>
public sealed class CoverPopulation
{
    public Guid AncestorId { get; set; }
    public string Category { get; set; } = "";
    public int N { get; set; }
    public int Extra { get; set; }

    /// <summary>People counted in more than one of the ancestor's rows.</summary>
    public int Shared { get; set; }
    public int Own { get; set; }
}
