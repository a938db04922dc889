using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Cli;
using Training.Certification.Data;
using Training.Certification.Pdf;

namespace Training.Certification.Cli;

/// <summary><c>check-certificates</c>: every certificate has its PDF with the recorded SHA-256, no duplicate slot, serial or
/// file, no orphan or temporary file in the folder. Prints a summary line on standard output and each problem on standard
/// error; non-zero on any problem. It is the oracle of the kill -9 test.</summary>
internal sealed class CheckCertificatesVerb : ICliVerb
{
    public string Name => "check-certificates";
    public string Usage => "check-certificates   verify stored PDFs against their hashes, slots and serials";

    public async Task<int> RunAsync(CliContext context, CancellationToken ct)
    {
        using var scope = context.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CertificationDbContext>();
        var files = scope.ServiceProvider.GetRequiredService<CertificateFiles>();
        var all = await db.Certificates.AsNoTracking()
            .Select(c => new { c.Id, c.UserId, c.ProgrammeId, c.Cycle, c.Revision, c.SerialNumber, c.PdfFile, c.PdfSha256 }).ToListAsync(ct);
        var problems = new List<string>();
        foreach (var c in all)
        {
            if (c.PdfFile is null || c.PdfSha256 is null) { problems.Add($"{c.SerialNumber}: no PDF recorded"); continue; }
            var pdf = await files.ReadAllBytesAsync(c.PdfFile, ct);
            if (pdf is null) { problems.Add($"{c.SerialNumber}: file missing"); continue; }
            if (CertificateFiles.Sha256(pdf) != c.PdfSha256) problems.Add($"{c.SerialNumber}: hash mismatch");
        }
        // Each duplicate is named: two certificates in one slot (person, programme, cycle, revision), one serial twice,
        // or one PDF file recorded by two certificates.
        foreach (var g in all.GroupBy(c => (c.UserId, c.ProgrammeId, c.Cycle, c.Revision)).Where(g => g.Count() > 1))
            problems.Add($"duplicate slot: {string.Join(", ", g.Select(c => c.SerialNumber).Order(StringComparer.Ordinal))}");
        foreach (var g in all.GroupBy(c => c.SerialNumber).Where(g => g.Count() > 1))
            problems.Add($"{g.Key}: serial used by {g.Count()} certificates");
        foreach (var g in all.Where(c => c.PdfFile != null).GroupBy(c => c.PdfFile!).Where(g => g.Count() > 1))
            problems.Add($"{g.Key}: file recorded by {string.Join(", ", g.Select(c => c.SerialNumber).Order(StringComparer.Ordinal))}");
        // A file no certificate records (e.g. a copied PDF) or a temporary file left by an interrupted write is a problem
        // too: the folder must hold exactly the certificates' snapshots. A shared blob store (several nodes) is not
        // listed: its puts are whole or nothing, and a render that lost the race removes its own snapshot.
        var known = all.Where(c => c.PdfFile != null).Select(c => c.PdfFile!).ToHashSet();
        var inFolder = files.InDataFolder && Directory.Exists(files.Folder);
        var temp = !inFolder ? [] : Directory.EnumerateFiles(files.Folder, "*.tmp").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        var orphans = !inFolder ? [] : Directory.EnumerateFiles(files.Folder, "*.pdf").Select(f => Path.GetFileName(f))
            .Where(f => !known.Contains(f)).Order(StringComparer.Ordinal).ToList();
        problems.AddRange(temp.Select(f => $"{f}: temporary file"));
        problems.AddRange(orphans.Select(f => $"{f}: file without certificate"));
        await context.Out.WriteLineAsync($"certificates {all.Count}, problems {problems.Count}, temporary files {temp.Count}, files without certificate {orphans.Count}");
        foreach (var p in problems.Take(MaxListed)) await context.Error.WriteLineAsync(p);
        if (problems.Count > MaxListed) await context.Error.WriteLineAsync($"... and {problems.Count - MaxListed} more");
        return problems.Count == 0 ? 0 : 1;
    }

    private const int MaxListed = 100;
}
