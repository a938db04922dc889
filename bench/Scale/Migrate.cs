using System.Diagnostics;

namespace Training.Scale.Bench;

/// <summary>Creates the real schema the way a node does: the site starts on the database and its start-up service
/// migrates every module's DbContext (each with its own history table) and runs the start-up tasks.</summary>
internal static class Migrate
{
    public static async Task RunAsync(string connection)
    {
        var clock = Stopwatch.StartNew();
        await using var host = new ScaleHost(connection, startup: true);
        using var client = host.CreateClient();
        (await client.GetAsync("/health")).EnsureSuccessStatusCode();
        Console.WriteLine($"schema migrated through the site's start-up in {clock.Elapsed.TotalSeconds:0.0} s");
    }
}
