using System.Diagnostics;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;

namespace Training.Platform.Tests.Storage;

/// <summary>An S3-compatible server for the tests: moto's <c>moto_server</c> (Python moto 5 with Flask, installed on
/// this kind of machine) on a loopback port, started once for the "S3" test collection and stopped after it.</summary>
public sealed class MotoS3 : IAsyncLifetime
{
    private Process? _process;

    public string Url { get; private set; } = "";

    public async Task InitializeAsync() => (_process, Url) = await StartAsync();

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false } p) p.Kill(entireProcessTree: true);
        _process?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A new empty bucket; returns the settings that point the site's blob store at it.</summary>
    public async Task<Dictionary<string, string?>> NewBucketSettingsAsync()
    {
        var bucket = "t" + Guid.NewGuid().ToString("N")[..20];
        using var s3 = Client();
        await s3.PutBucketAsync(bucket);
        return new()
        {
            ["Storage:Provider"] = "S3", ["Storage:S3:ServiceUrl"] = Url, ["Storage:S3:Bucket"] = bucket,
            ["Storage:S3:AccessKey"] = "test", ["Storage:S3:SecretKey"] = "test",
        };
    }

    public AmazonS3Client Client() => new(new BasicAWSCredentials("test", "test"),
        new AmazonS3Config { ServiceURL = Url, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });

    private static async Task<(Process, string)> StartAsync()
    {
        int port;
        using (var probe = new TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }
        var start = new ProcessStartInfo("moto_server") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) }) start.ArgumentList.Add(a);
        var process = Process.Start(start) ?? throw new InvalidOperationException("moto_server did not start.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var url = $"http://127.0.0.1:{port}";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 120; i++)
        {
            if (process.HasExited) throw new InvalidOperationException($"moto_server exited with {process.ExitCode}.");
            try
            {
                await http.GetAsync(url);
                return (process, url);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(250);
            }
        }
        throw new TimeoutException("moto_server did not answer within 30 s.");
    }
}

[CollectionDefinition("S3")]
public sealed class S3Collection : ICollectionFixture<MotoS3>;
