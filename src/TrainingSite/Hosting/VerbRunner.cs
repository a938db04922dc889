using Training.Abstractions.Cli;
using Training.Abstractions.Hosting;

namespace Training.Site.Hosting;

/// <summary>Runs the site, or a command-line verb when the first argument is one
/// (<c>dotnet run --project src/TrainingSite -- migrate</c>). Verbs log to standard error so their
/// standard output stays machine-readable.</summary>
internal static class VerbRunner
{
    public static bool IsVerb(string[] args) => args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=');

    public static async Task<int> RunSiteOrVerbAsync(this WebApplication app, string[] args)
    {
        if (IsVerb(args)) return await RunVerbAsync(app, args);
        if (SiteConfiguration.Problems(app.Environment, app.Configuration) is { Count: > 0 } problems)
        {
            foreach (var problem in problems) await Console.Error.WriteLineAsync(problem);
            await Console.Error.WriteLineAsync("The site did not start.");
            return 2;
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var paths = app.Services.GetRequiredService<TrainingPaths>();
            foreach (var url in app.Urls) Console.WriteLine($"Training is running at {url} (data folder: {paths.Root})");
        });
        await app.RunAsync();
        return 0;
    }

    private static async Task<int> RunVerbAsync(WebApplication app, string[] args)
    {
        var verbs = app.Services.GetServices<ICliVerb>().ToDictionary(v => v.Name, StringComparer.OrdinalIgnoreCase);
        if (args[0] is "help" or "--help" || !verbs.TryGetValue(args[0], out var verb))
        {
            var unknown = args[0] is not ("help" or "--help");
            var output = unknown ? Console.Error : Console.Out;
            if (unknown) await output.WriteLineAsync($"Unknown verb '{args[0]}'.");
            await output.WriteLineAsync("Usage: dotnet run --project src/TrainingSite -- <verb> [arguments]");
            foreach (var v in verbs.Values.OrderBy(v => v.Name)) await output.WriteLineAsync("  " + v.Usage);
            return unknown ? 2 : 0;
        }
        try
        {
            using var scope = app.Services.CreateScope();
            var runner = scope.ServiceProvider.GetRequiredService<StartupRunner>();
            await using (await runner.ExclusiveAsync(CancellationToken.None))
            {
                await runner.MigrateAsync(CancellationToken.None);
                await runner.RunStartupTasksAsync(CancellationToken.None);
            }
            return await verb.RunAsync(new CliContext(args.Skip(1).ToArray(), app.Services, Console.Out, Console.Error), CancellationToken.None);
        }
        catch (Exception ex)
        {
            await Console.Error.WriteLineAsync($"{verb.Name} failed: {ex.Message}");
            return 1;
        }
    }
}
