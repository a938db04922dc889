using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Training.Abstractions.Audiences;
using Training.Organisation.Data;
using Training.Platform.Outbox;
using Training.Platform.Time;
using Training.Organisation.Roster;
using static Training.Organisation.Roster.StagingTable;

namespace Training.Organisation.Audiences;

/// <summary>What one evaluation changed.</summary>
public sealed record AudienceEvaluation(int Audiences, int People, int Joined, int Left, TimeSpan Read, TimeSpan Write);

/// <summary>Evaluates audience rules against the roster: reads a snapshot and computes joiners and leavers outside any
/// transaction, stages the rows in temporary tables, then writes them and the <see cref="AudienceMembershipChanged"/>
/// events in one short transaction. Idempotent: a second run finds nothing to change. Evaluations on one node run one
/// at a time; across nodes the unique index on current stays refuses a double insert and the evaluation is redone.</summary>
public sealed class AudienceEvaluator(OrganisationDbContext db, TimeProvider clock, ILogger<AudienceEvaluator> log)
{
    /// <summary>Past this many people a targeted evaluation reads everybody instead (a scan by id ranges beats many
    /// id lists); below it the people are read in batches by id (a 5 % change of 100,000 staff stays targeted).</summary>
    private const int MaxTargeted = 20_000;

    /// <summary>People per event, so that one outbox message stays small whatever the audience's size.</summary>
    private const int PerEvent = 5_000;

    private const int Attempts = 3;
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>Evaluates every audience (or one) for everybody, or only for the given people.</summary>
    public async Task<AudienceEvaluation> EvaluateAsync(Guid? audienceId = null, IReadOnlyCollection<string>? userIds = null, CancellationToken ct = default)
    {
        if (userIds is { Count: 0 or > MaxTargeted }) userIds = null;
        await OneAtATime.WaitAsync(ct);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await EvaluateOnceAsync(audienceId, userIds, ct);
                }
                catch (DbException e) when (attempt < Attempts && !ct.IsCancellationRequested)
                {
                    log.LogWarning(e, "Audience evaluation collided with another writer; evaluating again.");
                }
            }
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private async Task<AudienceEvaluation> EvaluateOnceAsync(Guid? audienceId, IReadOnlyCollection<string>? userIds, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var snapshot = await AudienceSnapshot.LoadAsync(db, audienceId, ct);
        if (snapshot.Audiences.Count == 0) return new AudienceEvaluation(0, 0, 0, 0, watch.Elapsed, TimeSpan.Zero);
        var now = clock.GetUtcNow();
        var today = VietnamClock.DateOf(now);
        var rules = snapshot.Audiences.Select(a => (Audience: a, Rule: snapshot.RuleOf(a))).ToList();
        // Only the changes are kept for the whole evaluation (the events need them); the people are read and matched
        // batch by batch and each batch's rows go straight to the staging tables.
        var joined = snapshot.Audiences.ToDictionary(a => a.Id, _ => new List<AudienceJoiner>());
        var left = snapshot.Audiences.ToDictionary(a => a.Id, _ => new List<AudienceLeaver>());
        var newRows = For<AudienceMember>(db, "audience_stage_joins");
        var leftRows = For<AudienceMember>(db, "audience_stage_leaves", nameof(AudienceMember.Id), nameof(AudienceMember.LeftOn), nameof(AudienceMember.LeftReason));
        var (people, joins, leaves) = (0, 0, 0);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await newRows.CreateAsync(ct);
            await leftRows.CreateAsync(ct);
            await foreach (var batch in snapshot.BatchesAsync(db, userIds, ct))
            {
                people += batch.People.Count;
                var current = batch.Current.ToLookup(c => c.AudienceId);
                var (joinRows, leaveRows) = (new List<AudienceMember>(), new List<AudienceMember>());
                foreach (var (audience, rule) in rules)
                {
                    var stays = current[audience.Id].ToDictionary(c => c.UserId, StringComparer.Ordinal);
                    foreach (var person in batch.People.Values)
                    {
                        var why = rule.WhyNot(person, today);
                        if (why is null && !stays.ContainsKey(person.UserId))
                        {
                            joinRows.Add(new AudienceMember { Id = Guid.NewGuid(), AudienceId = audience.Id, UserId = person.UserId, JoinedOn = today });
                            joined[audience.Id].Add(new AudienceJoiner(person.UserId, person.JoinedOn));
                        }
                        else if (why is not null && stays.TryGetValue(person.UserId, out var stay))
                        {
                            leaveRows.Add(new AudienceMember { Id = stay.Id, LeftOn = today, LeftReason = why });
                            left[audience.Id].Add(new AudienceLeaver(person.UserId, why));
                        }
                    }
                    // Members no longer on the roster at all.
                    foreach (var stay in stays.Values.Where(s => !batch.People.ContainsKey(s.UserId)))
                    {
                        leaveRows.Add(new AudienceMember { Id = stay.Id, LeftOn = today, LeftReason = Gone });
                        left[audience.Id].Add(new AudienceLeaver(stay.UserId, Gone));
                    }
                }
                if (joinRows.Count > 0) await newRows.FillAsync(joinRows, ct);
                if (leaveRows.Count > 0) await leftRows.FillAsync(leaveRows, ct);
                (joins, leaves) = (joins + joinRows.Count, leaves + leaveRows.Count);
            }
            var read = watch.Elapsed;
            watch.Restart();
            if (joins > 0 || leaves > 0)
            {
                var events = snapshot.Audiences.SelectMany(a => Chunk(a, joined[a.Id], left[a.Id], now)).ToList();
                await WriteAsync(snapshot, newRows, leftRows, events, now, ct);
            }
            var result = new AudienceEvaluation(snapshot.Audiences.Count, people, joins, leaves, read, watch.Elapsed);
            log.LogInformation("Audience evaluation: {Audiences} audiences, {People} people, {Joined} joined, {Left} left; read {Read} ms, write {Write} ms.",
                result.Audiences, result.People, result.Joined, result.Left, read.TotalMilliseconds, result.Write.TotalMilliseconds);
            return result;
        }
        finally
        {
            db.ChangeTracker.Clear();
            await newRows.DropAsync(CancellationToken.None);
            await leftRows.DropAsync(CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    private const string Gone = "Không còn trong danh sách cán bộ";

    private static IEnumerable<AudienceMembershipChanged> Chunk(Audience audience, List<AudienceJoiner> joined, List<AudienceLeaver> left, DateTimeOffset now)
    {
        for (var i = 0; i == 0 || i < Math.Max(joined.Count, left.Count); i += PerEvent)
        {
            var j = joined.Skip(i).Take(PerEvent).ToList();
            var l = left.Skip(i).Take(PerEvent).ToList();
            if (j.Count == 0 && l.Count == 0) yield break;
            yield return new AudienceMembershipChanged(Guid.NewGuid(), now, audience.Id, audience.Name, audience.StartsOn, j, l);
        }
    }

    /// <summary>The one short transaction: staged joins inserted, staged leaves updated, events enqueued.</summary>
    private async Task WriteAsync(AudienceSnapshot snapshot, StagingTable newRows, StagingTable leftRows,
        List<AudienceMembershipChanged> events, DateTimeOffset now, CancellationToken ct)
    {
        // On SQLite this is BEGIN IMMEDIATE: the write lock is held for these few statements only.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await newRows.ExecuteAsync($"INSERT INTO {Quote(newRows.Target)} ({newRows.ColumnList()}) SELECT {newRows.ColumnList()} FROM {Quote(newRows.Name)}", ct);
        await leftRows.ExecuteAsync($"UPDATE {Quote(leftRows.Target)} SET \"LeftOn\" = s.\"LeftOn\", \"LeftReason\" = s.\"LeftReason\" " +
            $"FROM {Quote(leftRows.Name)} s WHERE {Quote(leftRows.Target)}.\"Id\" = s.\"Id\" AND {Quote(leftRows.Target)}.\"LeftOn\" IS NULL", ct);
        foreach (var e in events) db.Enqueue(e);
        var ids = snapshot.Audiences.Select(a => a.Id).ToList();
        await db.Audiences.Where(a => ids.Contains(a.Id)).ExecuteUpdateAsync(s => s.SetProperty(a => a.EvaluatedAt, now), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
