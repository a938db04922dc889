using System.Diagnostics;
using Npgsql;

namespace Training.Scale.Bench;

/// <summary>The whole generation: schema through the site, small tables through the modules' DbContexts, the big
/// tables by binary COPY (streamed row by row from pure functions: memory stays flat), one table at a time, each
/// skipped when already loaded.</summary>
internal static class Generate
{
    public const long Staff = 2_000_000, Enrolments = 20_000_000, CertificateRows = 6_000_000;
    public const int UnitCount = 20_000;

    public static async Task RunAsync(string connection, double scale)
    {
        var (staff, enrolments, certificates) = ((long)(Staff * scale), (long)(Enrolments * scale), (long)(CertificateRows * scale));
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"generate: staff={staff:N0} units={UnitCount:N0} enrolments={enrolments:N0} certificates={certificates:N0} started {DateTime.UtcNow:HH:mm:ss} UTC");
        await Migrate.RunAsync(connection);
        var org = new OrgModel(UnitCount);
        await using (var host = new ScaleHost(connection, startup: false))
            await CatalogueSetup.RunAsync(host, org);

        await using var db = NpgsqlDataSource.Create(connection);
        var load = new TableLoad(db);
        await load.PrepareAsync();
        await People.UnitsAsync(load, org);
        await People.StaffAsync(load, org, staff);
        await People.MembershipsAsync(load, org, staff);
        var courses = await ReadAsync(db, "SELECT \"Id\", \"PublishedVersionId\" FROM courses_courses WHERE \"Code\" LIKE 'BD-%' ORDER BY \"Code\"",
            r => (r.GetGuid(0), r.GetGuid(1)));
        await Learning.EnrolmentsAsync(load, staff, enrolments, courses);
        var programmes = new List<(Guid, string)>();
        foreach (var p in Catalogue.Programmes)
            programmes.AddRange(await ReadAsync(db, $"SELECT \"Id\", \"Name\" FROM cert_programmes WHERE \"Code\" = '{p.Code}'", r => (r.GetGuid(0), r.GetString(1))));
        await Certificates.CopyAsync(load, org, staff, certificates, programmes);
        // Reporting's status tables, by the module's own backfill (a node's first start on this data would run the same).
        await Backfill.RunAsync(connection, force: false);
        await using (var vacuum = db.CreateCommand("VACUUM ANALYZE")) { vacuum.CommandTimeout = 0; await vacuum.ExecuteNonQueryAsync(); }
        Console.WriteLine($"generate: finished in {clock.Elapsed.TotalMinutes:0.0} min at {DateTime.UtcNow:HH:mm:ss} UTC");
    }

    private static async Task<List<T>> ReadAsync<T>(NpgsqlDataSource db, string sql, Func<NpgsqlDataReader, T> row)
    {
        await using var cmd = db.CreateCommand(sql);
        await using var reader = await cmd.ExecuteReaderAsync();
        var list = new List<T>();
        while (await reader.ReadAsync()) list.Add(row(reader));
        return list;
    }
}
