using System.Net.Sockets;
using netDumbster.smtp;
using Training.Testing.Cluster;

namespace Training.Site.Tests.Cluster;

/// <summary>Two site processes with the demo data on a new PostgreSQL database behind nginx, each with its own data
/// folder, and a fake SMTP server (netDumbster) both send to. Started once for the scenarios of one test class.</summary>
public sealed class TwoNodesFixture : IAsyncLifetime
{
    public SiteCluster Cluster { get; private set; } = null!;
    public SimpleSmtpServer Smtp { get; private set; } = null!;

    /// <summary>What each node wrote while starting on the empty database.</summary>
    public IReadOnlyList<string> StartOutput { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var port = FreePort();
        Smtp = SimpleSmtpServer.Start(port);
        Cluster = await SiteCluster.StartAsync(nodes: 2, seedDemo: true, settings: Settings(port));
        StartOutput = Cluster.Nodes.Select(n => n.Output).ToList();
    }

    public static Dictionary<string, string> Settings(int smtpPort) => new()
    {
        ["Smtp__Host"] = "127.0.0.1",
        ["Smtp__Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp__Security"] = "None",
        // No reminder scan. The daily jobs (weekly digests, report deadlines) stay on, as in production; they mail nobody
        // at start-up (a digest waits for its weekly slot, a deadline notice for its window), and tests count only the
        // recipients they queued anyway (ReceivedMail).
        ["Reminders__Enabled"] = "false",
        ["Logging__LogLevel__Default"] = "Information",
        ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
        ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Warning",
    };

    public static int FreePort()
    {
        using var socket = new TcpListener(System.Net.IPAddress.Loopback, 0);
        socket.Start();
        return ((System.Net.IPEndPoint)socket.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null) await Cluster.DisposeAsync();
        Smtp?.Dispose();
    }
}
