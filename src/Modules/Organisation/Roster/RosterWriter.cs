using System.Data.Common;
using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Training.Organisation.Data;
using static Training.Organisation.Roster.StagingTable;

namespace Training.Organisation.Roster;

/// <summary>Applies a <see cref="RosterPlan"/>: stages each batch into temporary tables of the import's open connection
/// (no write lock held), then applies them set-based in one short transaction: a stamp check, then one INSERT … SELECT, UPDATE … FROM or DELETE
/// per table. The SQL is the common subset of SQLite (3.33 or later) and PostgreSQL.</summary>
internal sealed class RosterWriter(OrganisationDbContext db, ILogger logger)
{
    /// <summary>The columns an import may change on an existing person.</summary>
    private static readonly string[] UpdatedColumns =
    [
        nameof(TrainingUser.StaffCode), nameof(TrainingUser.FullName), nameof(TrainingUser.Email), nameof(TrainingUser.NormalizedEmail),
        nameof(TrainingUser.Position), nameof(TrainingUser.StaffCategory), nameof(TrainingUser.PrimaryUnitId),
        nameof(TrainingUser.SecurityStamp), nameof(TrainingUser.ConcurrencyStamp),
    ];

    private readonly StagingTable _units = For<OrgUnit>(db, "roster_stage_units");
    private readonly StagingTable _newUsers = For<TrainingUser>(db, "roster_stage_new_users");
    private readonly StagingTable _changed = For<TrainingUser>(db, "roster_stage_changed_users", [nameof(TrainingUser.Id), .. UpdatedColumns]);
    private readonly StagingTable _expected = For<TrainingUser>(db, "roster_stage_expected", nameof(TrainingUser.Id), nameof(TrainingUser.ConcurrencyStamp));
    private readonly StagingTable _roles = For<IdentityUserRole<string>>(db, "roster_stage_roles");
    private readonly StagingTable _upserts = For<UnitMembership>(db, "roster_stage_memberships");
    private readonly StagingTable _removals = For<UnitMembership>(db, "roster_stage_removals", nameof(UnitMembership.UserId), nameof(UnitMembership.UnitId));

    private StagingTable[] All => [_units, _newUsers, _changed, _expected, _roles, _upserts, _removals];

    /// <summary>Called inside the write transaction after the first statements (tests inject a failure there).</summary>
    public Func<string, CancellationToken, Task>? Probe { get; init; }

    /// <summary>(Re)creates the empty staging tables on the import's open connection.</summary>
    public async Task CreateAsync(CancellationToken ct)
    {
        foreach (var table in All) await table.CreateAsync(ct);
    }

    public async Task DropAsync()
    {
        foreach (var table in All) await table.DropAsync(CancellationToken.None);
    }

    /// <summary>Stages one batch of the plan (no write lock held), notes whom it touches, and empties the batch.</summary>
    public async Task StageAsync(RosterPlan plan, ISet<string> touched, RosterTimings timings, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await _newUsers.FillAsync(plan.NewUsers, ct);
        await _changed.FillAsync(plan.ChangedUsers, ct);
        await _expected.FillAsync(plan.ExpectedStamps.Select(s => new TrainingUser { Id = s.Id, ConcurrencyStamp = s.ConcurrencyStamp }).ToList(), ct);
        await _roles.FillAsync(plan.NewUserRoles, ct);
        await _upserts.FillAsync(plan.MembershipUpserts, ct);
        await _removals.FillAsync(plan.MembershipRemovals, ct);
        touched.UnionWith(plan.NewUsers.Select(u => u.Id).Concat(plan.ChangedUsers.Select(u => u.Id))
            .Concat(plan.MembershipUpserts.Select(m => m.UserId)).Concat(plan.MembershipRemovals.Select(m => m.UserId)));
        plan.ClearBatch();
        timings.Stage += clock.Elapsed;
    }

    /// <summary>Stages the new units and applies everything staged; false when a person changed since they were read
    /// (or a unique key was taken meanwhile) and nothing was written, so the caller plans again.</summary>
    public async Task<bool> WriteAsync(RosterPlan plan, RosterTimings timings, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await _units.FillAsync(plan.NewUnits, ct);
        timings.Stage += clock.Elapsed;
        clock.Restart();
        try
        {
            return await ApplyAsync(_units, _newUsers, _changed, _expected, _roles, _upserts, _removals, ct);
        }
        finally
        {
            timings.Write += clock.Elapsed;
        }
    }

    private async Task<bool> ApplyAsync(StagingTable units, StagingTable newUsers, StagingTable changed, StagingTable expected,
        StagingTable roles, StagingTable upserts, StagingTable removals, CancellationToken ct)
    {
        // On SQLite this is BEGIN IMMEDIATE: the write lock is taken at once and held only for the statements below.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var moved = await ScalarAsync(db,
                $"SELECT COUNT(*) FROM {Quote(expected.Name)} e LEFT JOIN {Quote(expected.Target)} u ON u.\"Id\" = e.\"Id\" " +
                "WHERE u.\"Id\" IS NULL OR NOT (u.\"ConcurrencyStamp\" = e.\"ConcurrencyStamp\" OR (u.\"ConcurrencyStamp\" IS NULL AND e.\"ConcurrencyStamp\" IS NULL))", ct);
            if (moved > 0)
            {
                await transaction.RollbackAsync(ct);
                return false;
            }
            var step = Stopwatch.StartNew();
            async Task Run(StagingTable table, string sql)
            {
                var rows = await table.ExecuteAsync(sql, ct);
                logger.LogDebug("Roster write: {Rows} rows into {Table} in {Ms} ms.", rows, table.Target, step.Elapsed.TotalMilliseconds);
                step.Restart();
            }
            await Run(units, InsertAll(units));
            await Run(newUsers, InsertAll(newUsers));
            if (Probe is not null) await Probe("writing", ct);
            var set = string.Join(", ", changed.Columns.Where(c => c != "Id").Select(c => $"{Quote(c)} = s.{Quote(c)}"));
            await Run(changed, $"UPDATE {Quote(changed.Target)} SET {set} FROM {Quote(changed.Name)} s WHERE {Quote(changed.Target)}.\"Id\" = s.\"Id\"");
            await Run(roles, InsertAll(roles));
            await Run(removals, $"DELETE FROM {Quote(removals.Target)} WHERE EXISTS (SELECT 1 FROM {Quote(removals.Name)} r " +
                $"WHERE r.\"UserId\" = {Quote(removals.Target)}.\"UserId\" AND r.\"UnitId\" = {Quote(removals.Target)}.\"UnitId\")");
            // "WHERE true" lets SQLite tell the upsert clause from a join constraint.
            await Run(upserts, InsertAll(upserts) + " WHERE true ON CONFLICT (\"UserId\", \"UnitId\") DO UPDATE SET \"IsPrimary\" = excluded.\"IsPrimary\"");
            await transaction.CommitAsync(ct);
            logger.LogDebug("Roster write: commit in {Ms} ms.", step.Elapsed.TotalMilliseconds);
            return true;
        }
        catch (DbException e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Roster import: the write was refused by the database; the import is planned again.");
            // A unique key (staff code, user name, unit name) taken by another writer since the snapshot.
            await transaction.RollbackAsync(CancellationToken.None);
            return false;
        }
    }

    private static string InsertAll(StagingTable table) =>
        $"INSERT INTO {Quote(table.Target)} ({table.ColumnList()}) SELECT {table.ColumnList()} FROM {Quote(table.Name)}";
}
