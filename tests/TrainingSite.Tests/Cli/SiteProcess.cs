using System.Diagnostics;

namespace Training.Site.Tests.Cli;

/// <summary>Runs the built site as a separate process, the way an operator runs a verb.</summary>
internal static class SiteProcess
{
    public static Task<(int ExitCode, string Out, string Error)> RunAsync(string dataPath, string? stdin, params string[] args) =>
        RunAsync(dataPath, stdin, new Dictionary<string, string>(), args);

    /// <summary>Runs with extra environment variables (settings such as <c>Training__PublicBaseUrl</c>).</summary>
    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(string dataPath, string? stdin, IDictionary<string, string> environment, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "TrainingSite.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["Training__DataPath"] = dataPath;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["LegalLibrary__AutoImport"] = "false";
        foreach (var (key, value) in environment) start.Environment[key] = value;
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
