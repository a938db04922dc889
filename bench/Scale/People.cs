using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Training.Scale.Bench;

/// <summary>Units, staff and their unit memberships (Organisation's tables).</summary>
internal static class People
{
    public static Task UnitsAsync(TableLoad load, OrgModel org) =>
        load.RunAsync("org_units", "\"Id\", \"ParentId\", \"Code\", \"Name\", \"Kind\", \"Path\", \"Depth\"", w =>
        {
            foreach (var u in org.Units)
            {
                w.StartRow();
                w.Write(u.Id, NpgsqlDbType.Uuid);
                if (u.Parent < 0) w.WriteNull(); else w.Write(org.Units[u.Parent].Id, NpgsqlDbType.Uuid);
                w.Write(u.Code, NpgsqlDbType.Varchar);
                w.Write(u.Name, NpgsqlDbType.Varchar);
                w.Write(u.Kind, NpgsqlDbType.Varchar);
                w.Write(u.Path, NpgsqlDbType.Varchar);
                w.Write(u.Depth, NpgsqlDbType.Integer);
            }
            return Task.FromResult((long)org.Units.Count);
        });

    public static Task StaffAsync(TableLoad load, OrgModel org, long staff) =>
        load.RunAsync("AspNetUsers", """
            "Id", "FullName", "StaffCode", "Position", "StaffCategory", "PrimaryUnitId", "IsActive", "CreatedAt", "UserName", "NormalizedUserName",
            "Email", "NormalizedEmail", "EmailConfirmed", "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled",
            "LockoutEnabled", "AccessFailedCount"
            """, w =>
        {
            var clock = Stopwatch.StartNew();
            for (long p = 0; p < staff; p++)
            {
                var id = OrgModel.UserId(p);
                var code = OrgModel.StaffCode(p);
                var email = code.ToLowerInvariant() + "@scale.local";
                w.StartRow();
                w.Write(id, NpgsqlDbType.Text);
                w.Write(Names.Person(p), NpgsqlDbType.Varchar);
                w.Write(code, NpgsqlDbType.Varchar);
                w.Write(Names.Pick(Names.Positions, p, 4), NpgsqlDbType.Varchar);
                w.Write(Names.Pick(Names.Categories, p, 5), NpgsqlDbType.Varchar);
                w.Write(org.UnitOf(p).Id, NpgsqlDbType.Uuid);
                w.Write(Hash.Unit(p, 30) >= 0.005, NpgsqlDbType.Boolean);
                w.Write(new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(Hash.Below(p, 31, 500_000)), NpgsqlDbType.TimestampTz);
                w.Write(code, NpgsqlDbType.Varchar);
                w.Write(code, NpgsqlDbType.Varchar);
                w.Write(email, NpgsqlDbType.Varchar);
                w.Write(email.ToUpperInvariant(), NpgsqlDbType.Varchar);
                w.Write(true, NpgsqlDbType.Boolean);
                w.Write(id, NpgsqlDbType.Text);
                w.Write(id, NpgsqlDbType.Text);
                w.Write(false, NpgsqlDbType.Boolean);
                w.Write(false, NpgsqlDbType.Boolean);
                w.Write(true, NpgsqlDbType.Boolean);
                w.Write(0, NpgsqlDbType.Integer);
                TableLoad.Progress("AspNetUsers", p + 1, clock);
            }
            return Task.FromResult(staff);
        });

    public static Task MembershipsAsync(TableLoad load, OrgModel org, long staff) =>
        load.RunAsync("org_memberships", "\"UserId\", \"UnitId\", \"IsPrimary\"", w =>
        {
            long rows = 0;
            for (long p = 0; p < staff; p++)
            {
                var id = OrgModel.UserId(p);
                var primary = org.UnitOf(p);
                Row(w, id, primary.Id, true);
                rows++;
                // One in twenty holds a second post (kiêm nhiệm).
                if (Hash.Unit(p, 20) < 0.05 && org.UnitOf(p, 21) is { } second && second.Id != primary.Id)
                {
                    Row(w, id, second.Id, false);
                    rows++;
                }
            }
            return Task.FromResult(rows);
        });

    private static void Row(NpgsqlBinaryImporter w, string user, Guid unit, bool primary)
    {
        w.StartRow();
        w.Write(user, NpgsqlDbType.Text);
        w.Write(unit, NpgsqlDbType.Uuid);
        w.Write(primary, NpgsqlDbType.Boolean);
    }
}
