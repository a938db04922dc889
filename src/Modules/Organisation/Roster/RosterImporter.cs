using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Training.Abstractions.Organisation;
using Training.Organisation.Data;

namespace Training.Organisation.Roster;

/// <summary>Imports staff from a roster file: creates and updates people, units and assignments, all-or-nothing.
/// The file is parsed, validated and turned into a complete plan outside any transaction; the plan is then applied
/// set-based in one short transaction (issue 10, item 8). Re-importing the same file changes nothing.
/// People are matched on staff code, then on e-mail, only among the people the importer may touch.</summary>
public sealed class RosterImporter(OrganisationDbContext db, ILookupNormalizer normalizer, TimeProvider clock,
    IOptions<RosterOptions> options, IEnumerable<IRosterChangeListener> listeners, ILogger<RosterImporter> logger)
{
    /// <summary>Plans tried before giving up when other writers keep changing the same people.</summary>
    private const int Attempts = 3;

    public async Task<RosterImportResult> ImportAsync(Stream file, RosterAuthority authority, RosterImportOptions? how = null, CancellationToken ct = default)
    {
        how ??= new RosterImportOptions();
        var timings = new RosterTimings();
        var watch = Stopwatch.StartNew();
        await using var bytes = await ReadAtMostAsync(file, options.Value.MaxFileBytes, ct);
        if (bytes is null)
            return new RosterImportResult([new RosterError(0, "Tệp", $"Tệp lớn hơn giới hạn {RosterParser.FormatSize(options.Value.MaxFileBytes)}. Hãy chia tệp thành nhiều phần nhỏ hơn.")], 0, 0, 0, 0);
        var (rows, errors) = RosterParser.Parse(bytes);
        timings.Parse = watch.Elapsed;
        if (errors.Count > 0) return new RosterImportResult(errors, 0, 0, 0, 0) { Timings = timings };

        var writer = new RosterWriter(db, logger);
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            timings.Attempts = attempt;
            watch.Restart();
            var snapshot = await RosterSnapshot.LoadAsync(db, normalizer, rows, timings, ct);
            timings.Load += watch.Elapsed;
            watch.Restart();
            var plan = new RosterPlanner(snapshot, authority, normalizer, clock.GetUtcNow()).Plan(rows);
            timings.Plan += watch.Elapsed;
            var fingerprint = RosterPlanner.Fingerprint(plan.NewUnitPaths);
            var result = new RosterImportResult(plan.Errors, plan.Created, plan.Updated, plan.Unchanged, plan.NewUnits.Count)
            {
                NewUnits = plan.NewUnitPaths, UnitsFingerprint = plan.NewUnits.Count > 0 ? fingerprint : null, Timings = timings,
            };
            if (plan.Errors.Count > 0) return result with { Created = 0, Updated = 0, Unchanged = 0, UnitsCreated = 0 };
            var confirmed = how.CreateUnits && (how.ConfirmedUnits is null || how.ConfirmedUnits == fingerprint);
            if (plan.NewUnits.Count > 0 && !confirmed) return result with { NeedsConfirmation = true };
            if (plan.WritesNothing) return result;
            if (await writer.WriteAsync(plan, timings, ct))
            {
                logger.LogInformation("Roster import: {Created} created, {Updated} updated, {Unchanged} unchanged, {Units} units; parse {Parse} ms, load {Load} ms (people {People} ms), plan {Plan} ms, stage {Stage} ms, write {Write} ms.",
                    plan.Created, plan.Updated, plan.Unchanged, plan.NewUnits.Count, timings.Parse.TotalMilliseconds, timings.Load.TotalMilliseconds, timings.LoadPeople.TotalMilliseconds, timings.Plan.TotalMilliseconds,
                    timings.Stage.TotalMilliseconds, timings.Write.TotalMilliseconds);
                watch.Restart();
                await TellListenersAsync(plan, how.Source, ct);
                timings.Listeners = watch.Elapsed;
                return result;
            }
        }
        return new RosterImportResult([new RosterError(0, "Tệp", "Dữ liệu cán bộ đã thay đổi nhiều lần trong lúc nhập. Không dữ liệu nào được thay đổi; hãy nhập lại tệp.")], 0, 0, 0, 0)
            { Timings = timings };
    }

    /// <summary>After the commit: every listener hears who was created, changed or moved. A failing listener is logged
    /// and does not undo the import (it is committed); the scheduled re-evaluation catches up.</summary>
    private async Task TellListenersAsync(RosterPlan plan, string source, CancellationToken ct)
    {
        var people = plan.NewUsers.Select(u => u.Id).Concat(plan.ChangedUsers.Select(u => u.Id))
            .Concat(plan.MembershipUpserts.Select(m => m.UserId)).Concat(plan.MembershipRemovals.Select(m => m.UserId))
            .ToHashSet(StringComparer.Ordinal);
        if (people.Count == 0) return;
        foreach (var listener in listeners)
        {
            try
            {
                await listener.PeopleChangedAsync(people, source, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Roster change listener {Listener} failed after an import from {Source}.", listener.GetType().Name, source);
            }
        }
    }

    /// <summary>The whole stream read asynchronously (request bodies allow no synchronous reads), or null past the limit.
    /// The buffer itself is returned, rewound, rather than a copy of it (one copy of the file fewer in memory).</summary>
    private static async Task<MemoryStream?> ReadAtMostAsync(Stream stream, long maxBytes, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                await buffer.DisposeAsync();
                return null;
            }
        }
        buffer.Position = 0;
        return buffer;
    }
}
