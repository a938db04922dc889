namespace Training.Platform.Cluster;

/// <summary>The envelope of a message between nodes (the PostgreSQL NOTIFY payload is limited to 8,000 bytes).</summary>
public sealed record ClusterMessage(string Node, string Channel, string Message)
{
    public const string PostgresChannel = "training_cluster";

    public static void Check(string channel, string message)
    {
        if (string.IsNullOrEmpty(channel) || channel.Length > 100) throw new ArgumentException("A channel name has 1–100 characters.", nameof(channel));
        if (message.Length > 4000) throw new ArgumentException("A cluster message has at most 4,000 characters.", nameof(message));
    }
}
