using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Cli;
using Training.Certification.Data;
using Training.Certification.Pdf;

namespace Training.Certification.Cli;

/// <summary><c>check-certificates</c>: every certificate has its PDF with the recorded SHA-256, no duplicate slot or serial,
/// no orphan or temporary file. Prints a summary line; non-zero on any problem.</summary>
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
            var path = files.PathOf(c.PdfFile);
            if (!File.Exists(path)) { problems.Add($"{c.SerialNumber}: file missing"); continue; }
            if (CertificateFiles.Sha256(await File.ReadAllBytesAsync(path, ct)) != c.PdfSha256) problems.Add($"{c.SerialNumber}: hash mismatch");
        }
        var duplicates = all.GroupBy(c => (c.UserId, c.ProgrammeId, c.Cycle, c.Revision)).Count(g => g.Count() > 1)
            + all.GroupBy(c => c.SerialNumber).Count(g => g.Count() > 1);
        if (duplicates > 0) problems.Add($"{duplicates} duplicates");
        var known = all.Where(c => c.PdfFile != null).Select(c => c.PdfFile!).ToHashSet();
        var temp = Directory.EnumerateFiles(files.Folder, "*.tmp").Count();
        var orphans = Directory.EnumerateFiles(files.Folder, "*.pdf").Count(f => !known.Contains(Path.GetFileName(f)));
        await context.Out.WriteLineAsync($"certificates {all.Count}, problems {problems.Count}, temporary files {temp}, files without certificate {orphans}");
        foreach (var p in problems.Take(20)) await context.Error.WriteLineAsync(p);
        return problems.Count == 0 ? 0 : 1;
    }
}
