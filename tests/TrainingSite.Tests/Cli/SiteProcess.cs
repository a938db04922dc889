using System.Diagnostics;

namespace Training.Site.Tests.Cli;

/// <summary>Runs the built site as a separate process, the way an operator runs a verb.</summary>
internal static class SiteProcess
{
    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(string dataPath, string? stdin, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "TrainingSite.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["Training__DataPath"] = dataPath;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["LegalLibrary__AutoImport"] = "false";
        using var process = Process.Start(start)!;
        if (stdin is not null) await process.StandardInput.WriteLineAsync(stdin);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
