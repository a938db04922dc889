using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Training.Scale.Bench;

/// <summary>Certificates (Certification's table): first issues spread over three years; on expiry two holders in three
/// recertify (a new cycle issued up to 60 days before); 1.5 % revoked; 0.5 % reissued (revision 1 supersedes
/// revision 0). Certificates issued in late 2024 (24 months) and late 2025 (12 months) expire in the coming weeks.</summary>
internal static class Certificates
{
    public const int CertificateTable = 6;
    private const string Crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public sealed record Row(long Person, int Programme, int Cycle, int Revision, DateOnly Issued, DateOnly? Expires, DateOnly? Revoked,
        DateOnly? SupersededOn, bool Supersedes);

    /// <summary>Every certificate of one person, in order (pure: the dry run counts them without a database).</summary>
    public static IEnumerable<Row> Of(long p)
    {
        for (var j = 0; j < Catalogue.Programmes.Length; j++)
        {
            if (Catalogue.FirstIssued(p, j) is not { } issued) continue;
            var validity = Catalogue.Programmes[j].ValidityMonths;
            for (var cycle = 1; cycle <= 6; cycle++)
            {
                var salt = 1000 + j * 100 + cycle * 10;
                DateOnly? expires = validity is { } v ? issued.AddMonths(v) : null;
                DateOnly? revoked = Hash.Unit(p, salt) < 0.015 ? Min(issued.AddDays(1 + Hash.Below(p, salt + 1, 200)), Catalogue.Today) : null;
                if (revoked is null && Hash.Unit(p, salt + 2) < 0.005 && issued.AddDays(30) < Catalogue.Today)
                {
                    var on = issued.AddDays(5 + Hash.Below(p, salt + 3, 25));
                    yield return new Row(p, j, cycle, 0, issued, expires, null, on, false);
                    yield return new Row(p, j, cycle, 1, on, expires, null, null, true);
                }
                else yield return new Row(p, j, cycle, 0, issued, expires, revoked, null, false);
                if (expires is not { } e || revoked is not null || e > Catalogue.Today.AddDays(30) || Hash.Unit(p, salt + 4) >= 0.65) break;
                issued = e.AddDays(-Hash.Below(p, salt + 5, 60));
                if (issued > Catalogue.Today) break;
            }
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    public static long DryCount(long staff)
    {
        long n = 0;
        for (long p = 0; p < staff; p++) n += Of(p).Count();
        return n;
    }

    public static Task CopyAsync(TableLoad load, OrgModel org, long staff, long target, IReadOnlyList<(Guid Id, string Name)> programmes) =>
        load.RunAsync("cert_certificates", """
            "Id", "ProgrammeId", "UserId", "Cycle", "Revision", "SerialNumber", "VerificationCode", "StatusIndex", "HolderName", "HolderUnitId",
            "HolderUnitName", "ProgrammeName", "IssuingUnitName", "Result", "ScorePercent", "IssuedOn", "ExpiresOn", "RevokedOn", "RevocationReason",
            "SupersededOn", "SupersededById", "SupersedesId", "Source", "CreatedAt", "PdfFile", "PdfSha256", "PdfBytes"
            """, w =>
        {
            var clock = Stopwatch.StartNew();
            var noPdf = new string('0', 64);
            long rows = 0;
            for (long p = 0; p < staff && rows < target; p++)
            {
                var user = OrgModel.UserId(p);
                var name = Names.Person(p);
                var unit = org.UnitOf(p);
                var province = "UBND " + Names.Provinces[unit.Province].Name;
                foreach (var c in Of(p))
                {
                    if (rows == target) break;
                    var id = Hash.Id(CertificateTable, rows);
                    w.StartRow();
                    w.Write(id, NpgsqlDbType.Uuid);
                    w.Write(programmes[c.Programme].Id, NpgsqlDbType.Uuid);
                    w.Write(user, NpgsqlDbType.Varchar);
                    w.Write(c.Cycle, NpgsqlDbType.Integer);
                    w.Write(c.Revision, NpgsqlDbType.Integer);
                    w.Write($"{c.Issued.Year}/{rows + 1:00000000}/CC-{Catalogue.Programmes[c.Programme].Code}", NpgsqlDbType.Varchar);
                    w.Write(Code(rows), NpgsqlDbType.Varchar);
                    w.Write((int)rows, NpgsqlDbType.Integer);
                    w.Write(name, NpgsqlDbType.Varchar);
                    w.Write(unit.Id, NpgsqlDbType.Uuid);
                    w.Write(unit.Name, NpgsqlDbType.Varchar);
                    w.Write(programmes[c.Programme].Name, NpgsqlDbType.Varchar);
                    w.Write(province, NpgsqlDbType.Varchar);
                    w.Write("Đạt", NpgsqlDbType.Varchar);
                    w.Write(80m + Hash.Below(rows, 40, 21), NpgsqlDbType.Numeric);
                    w.Write(c.Issued, NpgsqlDbType.Date);
                    Date(w, c.Expires);
                    Date(w, c.Revoked);
                    if (c.Revoked is null) w.WriteNull(); else w.Write("Thu hồi do cấp sai đối tượng", NpgsqlDbType.Varchar);
                    Date(w, c.SupersededOn);
                    if (c.SupersededOn is null) w.WriteNull(); else w.Write(Hash.Id(CertificateTable, rows + 1), NpgsqlDbType.Uuid);
                    if (c.Supersedes) w.Write(Hash.Id(CertificateTable, rows - 1), NpgsqlDbType.Uuid); else w.WriteNull();
                    w.Write(c.Supersedes ? "reissue" : "auto", NpgsqlDbType.Varchar);
                    w.Write(Learning.At(c.Issued, p, 1500 + c.Programme * 10 + c.Cycle), NpgsqlDbType.TimestampTz);
                    // Marked as rendered, so a node started on this database does not draw 6,000,000 PDFs.
                    w.Write($"scale-{rows}.pdf", NpgsqlDbType.Varchar);
                    w.Write(noPdf, NpgsqlDbType.Varchar);
                    w.Write(1, NpgsqlDbType.Integer);
                    rows++;
                    TableLoad.Progress("cert_certificates", rows, clock);
                }
            }
            return Task.FromResult(rows);
        });

    private static void Date(NpgsqlBinaryImporter w, DateOnly? day)
    {
        if (day is { } d) w.Write(d, NpgsqlDbType.Date); else w.WriteNull();
    }

    /// <summary>16 Crockford base32 characters, unique per row: "SC", one spread character, then the row's SplitMix64 image (a bijection of 64 bits) in 13 characters.</summary>
    private static string Code(long row)
    {
        Span<char> chars = stackalloc char[16];
        chars[0] = 'S';
        chars[1] = 'C';
        var x = Hash.Mix(row, 9);
        chars[2] = Crockford[(int)(row % 32)];
        for (var i = 15; i >= 3; i--)
        {
            chars[i] = Crockford[(int)(x & 31)];
            x >>= 5;
        }
        return new string(chars);
    }
}
