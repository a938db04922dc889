using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Cli;

namespace Training.Platform.Storage;

/// <summary><c>sweep-blobs [--dry-run]</c>: runs the orphan sweep now and prints what it found per owner.</summary>
internal sealed class SweepBlobsVerb : ICliVerb
{
    public string Name => "sweep-blobs";
    public string Usage => "sweep-blobs [--dry-run]    delete stored files no module records any more (older than Storage:SweepGraceHours)";

    public async Task<int> RunAsync(CliContext context, CancellationToken ct)
    {
        var unknown = context.Args.Where(a => a != "--dry-run").ToList();
        if (unknown.Count > 0)
        {
            await context.Error.WriteLineAsync($"sweep-blobs: unknown argument '{unknown[0]}'. Usage: {Usage}");
            return 2;
        }
        using var scope = context.Services.CreateScope();
        var report = await scope.ServiceProvider.GetRequiredService<BlobSweeper>().SweepAsync(context.Has("--dry-run"), ct);
        foreach (var line in report.Owners)
            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{line.Prefix}: {line.Listed} listed, {line.Young} too young, {line.InUse} in use, {line.Orphans} orphans {(report.DryRun ? "found" : "deleted")} ({line.OrphanBytes:N0} bytes)"));
        await context.Out.WriteLineAsync(report.DryRun ? "dry run: nothing deleted" : $"leftovers of interrupted uploads deleted: {report.Leftovers}");
        return 0;
    }
}
