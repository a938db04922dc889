using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Training.Testing.Cluster;

/// <summary>nginx on a loopback port with the configuration of <c>deploy/nginx/training.conf</c>, its upstream pointed at
/// the test nodes. The one test-only addition is an <c>X-Upstream</c> response header naming the node that answered.</summary>
public sealed partial class NginxProxy : IAsyncDisposable
{
    public const string Variable = "TRAINING_TEST_NGINX";
    private readonly string _folder = Directory.CreateTempSubdirectory("training-nginx-").FullName;
    private Process? _process;

    public int Port { get; } = SiteNode.FreePort();
    public Uri Url => new($"http://127.0.0.1:{Port}");

    public async Task StartAsync(IEnumerable<int> nodePorts)
    {
        var nginx = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured ? configured : "/usr/sbin/nginx";
        if (!File.Exists(nginx)) throw new InvalidOperationException($"nginx not found at {nginx}: ./test.sh installs Debian's nginx and sets {Variable}.");
        foreach (var sub in new[] { "", "body", "proxy" })
        {
            var dir = Directory.CreateDirectory(Path.Combine(_folder, sub)).FullName;
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(dir, (UnixFileMode)0b111_111_111); // workers run as nobody
        }
        var config = Path.Combine(_folder, "nginx.conf");
        await File.WriteAllTextAsync(config, Render(await File.ReadAllTextAsync(Template()), nodePorts));
        var start = new ProcessStartInfo(nginx) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-p", _folder, "-c", config }) start.ArgumentList.Add(a);
        _process = Process.Start(start)!;
        await SiteNode.WaitHealthyAsync(Url, TimeSpan.FromSeconds(30),
            () => _process.HasExited ? $"nginx exited: {_process.StandardError.ReadToEnd()} {File.ReadAllText(Path.Combine(_folder, "error.log"))}" : null);
    }

    /// <summary>The deployed server block with the nodes' ports and a loopback listen, inside a minimal main configuration.</summary>
    public string Render(string site, IEnumerable<int> nodePorts)
    {
        var servers = string.Concat(nodePorts.Select(p => $"\n    server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;"));
        site = ServerLine().Replace(site, "");
        site = site.Replace("upstream training_nodes {", "upstream training_nodes {" + servers, StringComparison.Ordinal);
        site = ListenLine().Replace(site, $"listen 127.0.0.1:{Port};\n    add_header X-Upstream $upstream_addr always;");
        return $$"""
            daemon off;
            worker_processes 1;
            pid {{_folder}}/nginx.pid;
            error_log {{_folder}}/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path {{_folder}}/body;
                proxy_temp_path {{_folder}}/proxy;
                fastcgi_temp_path {{_folder}}/proxy;
                uwsgi_temp_path {{_folder}}/proxy;
                scgi_temp_path {{_folder}}/proxy;
            {{site}}
            }
            """;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }
        _process?.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string Template()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "deploy", "nginx", "training.conf");
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException("deploy/nginx/training.conf not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^\s*server \d+\.\d+\.\d+\.\d+:\d+[^;\n]*;\s*$\n?", RegexOptions.Multiline)]
    private static partial Regex ServerLine();

    [GeneratedRegex(@"listen 80;")]
    private static partial Regex ListenLine();
}
