namespace Training.Platform.Cluster;

/// <summary>This process among the nodes sharing one database: machine, process and a random part, so two hosts in
/// one process (tests) or a restarted process on the same machine never share an identity.</summary>
public sealed class NodeIdentity
{
    public string Id { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    public override string ToString() => Id;
}
