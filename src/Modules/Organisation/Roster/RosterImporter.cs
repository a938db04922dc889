using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Training.Abstractions.Organisation;
using Training.Organisation.Data;

namespace Training.Organisation.Roster;

/// <summary>Imports staff from a roster file: creates and updates people, units and assignments, all-or-nothing.
/// The file is spooled to a temporary file, parsed as a stream into a staging table in batches, checked across rows in
/// SQL, and planned batch by batch into further staging tables, all outside any transaction; the staged change is then
/// applied set-based in one short transaction (issue 10, item 8). What the importer holds is one batch, the unit tree
/// and the errors, whatever the file's size (issue 11). Re-importing the same file changes nothing.
/// People are matched on staff code, then on e-mail, only among the people the importer may touch.</summary>
public sealed class RosterImporter(OrganisationDbContext db, ILookupNormalizer normalizer, TimeProvider clock,
    IOptions<RosterOptions> options, RosterChangeNotifier roster, ILogger<RosterImporter> logger)
{
    /// <summary>Plans tried before giving up when other writers keep changing the same people.</summary>
    private const int Attempts = 3;

    /// <summary>Called inside the write transaction after its first statements (tests inject a failure there).</summary>
    internal Func<string, CancellationToken, Task>? Probe { get; set; }

    public async Task<RosterImportResult> ImportAsync(Stream file, RosterAuthority authority, RosterImportOptions? how = null, CancellationToken ct = default)
    {
        how ??= new RosterImportOptions();
        var timings = new RosterTimings();
        var watch = Stopwatch.StartNew();
        await using var spooled = await SpoolAsync(file, options.Value.MaxFileBytes, ct);
        if (spooled is null)
            return new RosterImportResult([new RosterError(0, "Tệp", $"Tệp lớn hơn giới hạn {RosterParser.FormatSize(options.Value.MaxFileBytes)}. Hãy chia tệp thành nhiều phần nhỏ hơn.")], 0, 0, 0, 0);

        var stage = new RosterStage(db, normalizer);
        var writer = new RosterWriter(db, logger) { Probe = Probe };
        var touched = new HashSet<string>(StringComparer.Ordinal);
        RosterImportResult result;
        // Temporary tables belong to the connection: it stays open for the whole import.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await stage.CreateAsync(ct);
            result = await ImportStagedAsync(stage, writer, spooled, authority, how, timings, watch, touched, ct);
        }
        finally
        {
            await stage.DropAsync();
            await writer.DropAsync();
            await db.Database.CloseConnectionAsync();
        }
        if (result.Succeeded && (touched.Count > 0 || result.UnitsCreated > 0))
        {
            watch.Restart();
            if (result.UnitsCreated > 0) await roster.UnitsChangedAsync(result.UnitsCreated, how.Source, ct);
            if (touched.Count > 0) await roster.NotifyAsync(touched, how.Source, ct);
            timings.Listeners = watch.Elapsed;
        }
        return result;
    }

    private async Task<RosterImportResult> ImportStagedAsync(RosterStage stage, RosterWriter writer, Stream file, RosterAuthority authority,
        RosterImportOptions how, RosterTimings timings, Stopwatch watch, HashSet<string> touched, CancellationToken ct)
    {
        var (errors, lines) = await stage.FillAsync(file, ct);
        if (errors.Count == 0 && lines == 0) errors.Add(RosterParser.NoRows);
        if (errors.Count == 0 || errors.All(e => e.Line > 1)) errors.AddRange(await stage.DuplicatesAsync(ct));
        timings.Parse = watch.Elapsed;
        if (errors.Count > 0) return Failed(errors.OrderBy(e => e.Line).ToList(), timings);
        await stage.MatchAsync(ct);
        var samePerson = await stage.SamePersonAsync(ct);
        timings.Load += watch.Elapsed - timings.Parse;

        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            timings.Attempts = attempt;
            touched.Clear();
            await writer.CreateAsync(ct);
            var plan = new RosterPlan();
            plan.Errors.AddRange(samePerson);
            watch.Restart();
            var snapshot = await RosterSnapshot.LoadAsync(db, ct);
            timings.Load += watch.Elapsed;
            RosterPlanner? planner = null;
            var after = 0;
            for (var batch = await stage.NextAsync(after, ct); batch.Count > 0; batch = await stage.NextAsync(after, ct))
            {
                watch.Restart();
                var people = await RosterPeople.LoadAsync(db, snapshot, stage.PeopleOf(after, batch[^1].Row.Line), timings, ct);
                timings.Load += watch.Elapsed;
                watch.Restart();
                // The clock is read once the first people are read (a test interleaves a change there).
                planner ??= new RosterPlanner(snapshot, authority, normalizer, clock.GetUtcNow());
                planner.Plan(batch, people, plan);
                timings.Plan += watch.Elapsed;
                // A plan with errors is never written: its batches need not be staged.
                if (plan.Errors.Count == 0) await writer.StageAsync(plan, touched, timings, ct);
                else plan.ClearBatch();
                after = batch[^1].Row.Line;
            }
            planner?.Finish(plan);
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
                return result;
            }
        }
        return Failed([new RosterError(0, "Tệp", "Dữ liệu cán bộ đã thay đổi nhiều lần trong lúc nhập. Không dữ liệu nào được thay đổi; hãy nhập lại tệp.")], timings);
    }

    private static RosterImportResult Failed(IReadOnlyList<RosterError> errors, RosterTimings timings) => new(errors, 0, 0, 0, 0) { Timings = timings };

    /// <summary>The upload copied asynchronously (request bodies allow no synchronous reads) to a temporary file that
    /// deletes itself, then rewound for the parser's synchronous reads; null past the limit. Only a copy buffer is held
    /// in memory, not the file.</summary>
    private static async Task<FileStream?> SpoolAsync(Stream stream, long maxBytes, CancellationToken ct)
    {
        var spool = new FileStream(Path.Combine(Path.GetTempPath(), "roster-" + Guid.NewGuid().ToString("N") + ".csv"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, ct)) > 0)
            {
                await spool.WriteAsync(chunk.AsMemory(0, read), ct);
                if (spool.Length <= maxBytes) continue;
                await spool.DisposeAsync();
                return null;
            }
            await spool.FlushAsync(ct);
            spool.Position = 0;
            return spool;
        }
        catch
        {
            await spool.DisposeAsync();
            throw;
        }
    }
}
