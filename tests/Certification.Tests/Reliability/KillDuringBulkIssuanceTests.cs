using System.Diagnostics;

namespace Training.Certification.Tests.Reliability;

/// <summary>Starts the real site binary as a child process issuing certificates in bulk, kills it with SIGKILL in the
/// middle, restarts it, then checks: every certificate present once, each PDF complete and matching its recorded hash.</summary>
public sealed class KillDuringBulkIssuanceTests : IDisposable
{
    private const int Count = 1500;
    private readonly string _data = Path.Combine(Path.GetTempPath(), "training-tests", "kill-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task KillNineMidBulkIssuanceLeavesNoHalfWrittenMissingOrDuplicatedCertificate()
    {
        Directory.CreateDirectory(_data);
        var args = $"issue-bulk --programme CT-KPL --synthetic {Count} --batch 50 --progress";

        using (var first = Start(args))
        {
            // Wait until a few batches are committed, then kill -9 while it keeps issuing and writing PDFs.
            string? line;
            while ((line = await first.StandardOutput.ReadLineAsync()) is not null)
            {
                if (line.StartsWith("issued ", StringComparison.Ordinal) && int.Parse(line[7..]) >= 300) break;
            }
            Assert.NotNull(line);
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
            Assert.NotEqual(0, first.ExitCode);
        }

        var (resumeCode, resumed, resumeErrors) = await RunAsync($"issue-bulk --programme CT-KPL --synthetic {Count} --batch 50");
        Assert.True(resumeCode == 0, resumeErrors);
        Assert.StartsWith("created ", resumed);
        var createdAfterRestart = int.Parse(resumed.Split(' ', ',')[1]);
        Assert.InRange(createdAfterRestart, 1, Count - 300);

        var (checkCode, check, checkErrors) = await RunAsync("check-certificates");
        Assert.True(checkCode == 0, check + checkErrors);
        Assert.Equal($"certificates {Count}, problems 0, temporary files 0, files without certificate 0", check.Trim());
    }

    private Process Start(string arguments)
    {
        var bin = Path.GetDirectoryName(typeof(Program).Assembly.Location)!;
        var info = new ProcessStartInfo("dotnet", $"\"{Path.Combine(bin, "TrainingSite.dll")}\" {arguments}")
        {
            WorkingDirectory = bin, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.Environment["Training__DataPath"] = _data;
        info.Environment["Training__SeedDemo"] = "false";
        info.Environment["Database__Provider"] = "Sqlite";
        info.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        var process = Process.Start(info)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return process;
    }

    private async Task<(int Code, string Out, string Errors)> RunAsync(string arguments)
    {
        var bin = Path.GetDirectoryName(typeof(Program).Assembly.Location)!;
        var info = new ProcessStartInfo("dotnet", $"\"{Path.Combine(bin, "TrainingSite.dll")}\" {arguments}")
        {
            WorkingDirectory = bin, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.Environment["Training__DataPath"] = _data;
        info.Environment["Training__SeedDemo"] = "false";
        info.Environment["Database__Provider"] = "Sqlite";
        info.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var err = await errors;
        return (process.ExitCode, await output, err.Length > 4000 ? err[^4000..] : err);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Temp folder; the OS cleans it.
        }
    }
}
