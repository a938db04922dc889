namespace Training.Platform.Outbox;

/// <summary>An event written in the same transaction as the change that caused it, dispatched afterwards.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }
    public string Type { get; set; } = "";
    public string Payload { get; set; } = "";
    public DateTimeOffset OccurredAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public int Attempts { get; set; }

    /// <summary>When the message is next due (UTC). Set to the enqueue time, pushed back after a failure and, on
    /// PostgreSQL, to the end of the lease while a node holds it: a node that dies leaves it due again after the lease.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>The node that last claimed the message (PostgreSQL), for diagnosis.</summary>
    public string? ClaimedBy { get; set; }

    public string? LastError { get; set; }
}
