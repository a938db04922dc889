namespace Training.Platform.Outbox;

/// <summary>Outbox dispatch settings, bound from the <c>Outbox</c> section.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Messages claimed per round.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a node holds the messages it claimed (PostgreSQL) before another node may take them.
    /// A node stops working through its batch a little before the lease ends.</summary>
    public int LeaseSeconds { get; set; } = 300;

    /// <summary>Poll interval when nothing woke the dispatcher (a commit on another node, a retry coming due).</summary>
    public double PollSeconds { get; set; } = 2;

    /// <summary>Processed messages are deleted after this many days; 0 keeps them forever.</summary>
    public int RetentionDays { get; set; } = 7;

    /// <summary>How often the purge runs.</summary>
    public int PurgeIntervalMinutes { get; set; } = 60;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);
    public TimeSpan Poll => TimeSpan.FromSeconds(PollSeconds);
}
