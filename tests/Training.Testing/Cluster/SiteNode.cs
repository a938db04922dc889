using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Training.Testing.Cluster;

/// <summary>One real site process (the built TrainingSite.dll) on a loopback port with its own data folder.</summary>
public sealed class SiteNode : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private Process? _process;

    internal SiteNode(int index, string dataPath, Dictionary<string, string> environment)
    {
        Index = index;
        Port = FreePort();
        DataPath = dataPath;
        _environment = environment;
    }

    public int Index { get; }
    public int Port { get; }
    public string DataPath { get; }
    public Uri Url => new($"http://127.0.0.1:{Port}");
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>What the process wrote (standard output and error), for failure messages.</summary>
    public string Output => _output.ToString();
    private readonly System.Text.StringBuilder _output = new();

    public async Task StartAsync(TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "TrainingSite.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(Url.ToString().TrimEnd('/'));
        foreach (var (key, value) in _environment) start.Environment[key] = value;
        start.Environment["Training__DataPath"] = DataPath;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitHealthyAsync(Url, timeout, () => _process.HasExited ? $"node {Index} exited ({_process.ExitCode}):\n{Output}" : null);
    }

    /// <summary>Runs a CLI verb of the site with this node's settings (database, data folder) and waits for it.</summary>
    public async Task<(int ExitCode, string Output)> RunVerbAsync(TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "TrainingSite.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in _environment) start.Environment[key] = value;
        start.Environment["Training__DataPath"] = DataPath;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>Ends the process at once, as <c>kill -9</c> does: no shutdown, no cleanup.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }
    }

    public HttpClient CreateClient(CookieContainer? cookies = null) => SiteCluster.Client(Url, cookies);

    public ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        return ValueTask.CompletedTask;
    }

    internal static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    internal static async Task WaitHealthyAsync(Uri url, TimeSpan timeout, Func<string?> failed)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            if (failed() is { } why) throw new InvalidOperationException(why);
            try
            {
                if ((await http.GetAsync(new Uri(url, "/health"))).IsSuccessStatusCode) return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }
            if (DateTime.UtcNow > until) throw new TimeoutException($"{url} not healthy after {timeout}.");
            await Task.Delay(250);
        }
    }
}
