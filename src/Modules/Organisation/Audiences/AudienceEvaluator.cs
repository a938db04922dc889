using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Training.Abstractions.Audiences;
using Training.Organisation.Data;
using Training.Platform.Outbox;
using Training.Platform.Time;
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
    /// <summary>Past this many people a targeted evaluation reads everybody instead (one scan beats a huge id list).</summary>
    private const int MaxTargeted = 2_000;

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
        var snapshot = await AudienceSnapshot.LoadAsync(db, audienceId, userIds, ct);
        var now = clock.GetUtcNow();
        var today = VietnamClock.DateOf(now);
        var joins = new List<AudienceMember>();
        var leaves = new List<AudienceMember>();
        var events = new List<AudienceMembershipChanged>();
        foreach (var audience in snapshot.Audiences)
        {
            var rule = snapshot.RuleOf(audience);
            var current = snapshot.Current[audience.Id];
            var joined = new List<AudienceJoiner>();
            var left = new List<AudienceLeaver>();
            foreach (var person in snapshot.People.Values)
            {
                var why = rule.WhyNot(person, today);
                if (why is null && !current.ContainsKey(person.UserId))
                {
                    joins.Add(new AudienceMember { Id = Guid.NewGuid(), AudienceId = audience.Id, UserId = person.UserId, JoinedOn = today });
                    joined.Add(new AudienceJoiner(person.UserId, person.JoinedOn));
                }
                else if (why is not null && current.TryGetValue(person.UserId, out var stay))
                {
                    leaves.Add(new AudienceMember { Id = stay.Id, LeftOn = today, LeftReason = why });
                    left.Add(new AudienceLeaver(person.UserId, why));
                }
            }
            // Members no longer on the roster at all (a targeted evaluation only saw the people it was given).
            foreach (var stay in current.Values.Where(s => !snapshot.People.ContainsKey(s.UserId)))
            {
                leaves.Add(new AudienceMember { Id = stay.Id, LeftOn = today, LeftReason = Gone });
                left.Add(new AudienceLeaver(stay.UserId, Gone));
            }
            events.AddRange(Chunk(audience, joined, left, now));
        }
        var read = watch.Elapsed;
        watch.Restart();
        if (joins.Count > 0 || leaves.Count > 0) await WriteAsync(snapshot, joins, leaves, events, now, ct);
        var result = new AudienceEvaluation(snapshot.Audiences.Count, snapshot.People.Count, joins.Count, leaves.Count, read, watch.Elapsed);
        log.LogInformation("Audience evaluation: {Audiences} audiences, {People} people, {Joined} joined, {Left} left; read {Read} ms, write {Write} ms.",
            result.Audiences, result.People, result.Joined, result.Left, read.TotalMilliseconds, result.Write.TotalMilliseconds);
        return result;
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

    private async Task WriteAsync(AudienceSnapshot snapshot, List<AudienceMember> joins, List<AudienceMember> leaves,
        List<AudienceMembershipChanged> events, DateTimeOffset now, CancellationToken ct)
    {
        var newRows = For<AudienceMember>(db, "audience_stage_joins");
        var leftRows = For<AudienceMember>(db, "audience_stage_leaves", nameof(AudienceMember.Id), nameof(AudienceMember.LeftOn), nameof(AudienceMember.LeftReason));
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await newRows.CreateAsync(ct);
            await leftRows.CreateAsync(ct);
            await newRows.FillAsync(joins, ct);
            await leftRows.FillAsync(leaves, ct);
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
        finally
        {
            db.ChangeTracker.Clear();
            await newRows.DropAsync(CancellationToken.None);
            await leftRows.DropAsync(CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }
}
