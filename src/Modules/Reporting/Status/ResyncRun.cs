namespace Training.Reporting.Status;

/// <summary>One run of the daily status re-sync (table <c>rpt_resync_runs</c>): when it ran, how many people it checked
/// and how many status rows it found wrong and corrected (drift that events had not brought: a lost message, a direct
/// database fix, a restore). A run with no <see cref="FinishedAt"/> was stopped before it ended.</summary>
public sealed class ResyncRun
{
    /// <summary>Increasing: the latest run has the greatest id (SQLite cannot order by a date with time zone).</summary>
    public long Id { get; set; }

    /// <summary>The daily slot the run was for.</summary>
    public DateTimeOffset Slot { get; set; }

    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public int PeopleChecked { get; set; }
    public int RowsCorrected { get; set; }
}
