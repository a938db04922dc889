using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Cli;
using Training.Abstractions.Organisation;
using Training.Certification.Data;
using Training.Certification.Issuance;
using Training.Certification.Pdf;

namespace Training.Certification.Cli;

/// <summary><c>issue-bulk --programme CODE --synthetic N [--batch 100]</c>: issues N certificates to synthetic holders
/// (user ids <c>bulk-000001</c>…), in batches of one transaction each. Re-running resumes: issued slots are skipped and
/// PDFs still pending are rendered. Used by the benchmark and the kill -9 reliability test.</summary>
internal sealed class IssueBulkVerb : ICliVerb
{
    public string Name => "issue-bulk";
    public string Usage => "issue-bulk --programme CODE --synthetic N [--batch 100]   issue N demo certificates (resumable)";

    public async Task<int> RunAsync(CliContext context, CancellationToken ct)
    {
        var code = context.Option("--programme");
        if (!int.TryParse(context.Option("--synthetic"), out var count) || count <= 0 || code is null)
        {
            await context.Error.WriteLineAsync("Usage: " + Usage);
            return 2;
        }
        var batchSize = int.TryParse(context.Option("--batch"), out var b) && b > 0 ? b : 100;
        var stopwatch = Stopwatch.StartNew();
        var scopes = context.Services.GetRequiredService<IServiceScopeFactory>();
        Programme? programme;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CertificationDbContext>();
            programme = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Code == code, ct);
            // A fresh data folder (benchmarks, the reliability test) gets the demo programme of that code.
            if (programme is null && Seed.CertificationDemoSeeder.Programmes().FirstOrDefault(p => p.Code == code) is { } demo)
            {
                db.Programmes.Add(demo);
                await db.SaveChangesAsync(ct);
                programme = demo;
            }
        }
        if (programme is null)
        {
            await context.Error.WriteLineAsync($"No programme with code {code}.");
            return 1;
        }
        var created = 0;
        for (var start = 1; start <= count; start += batchSize)
        {
            using var scope = scopes.CreateScope();
            var issuer = scope.ServiceProvider.GetRequiredService<CertificateIssuer>();
            var requests = Enumerable.Range(start, Math.Min(batchSize, count - start + 1)).Select(i =>
            {
                var id = $"bulk-{i:000000}";
                var holder = new PersonInfo(id, $"Học viên Thử nghiệm Số {i}", id, null, null, "Đơn vị thử nghiệm", null, null, []);
                return new IssueRequest(programme, id, 1, 0, "bulk", 80 + i % 20, Holder: holder);
            }).ToList();
            var results = await issuer.IssueManyAsync(requests, Environment.ProcessorCount, ct);
            created += results.Count(r => r.Created);
            if (context.Has("--progress")) await context.Out.WriteLineAsync($"issued {Math.Min(start + batchSize - 1, count)}");
        }
        var pending = await PendingPdfWorker.RenderPendingAsync(scopes, ct, TimeSpan.Zero);
        await context.Out.WriteLineAsync($"created {created}, pdfs completed after restart {pending}, elapsed {stopwatch.Elapsed.TotalSeconds:0.0} s, "
            + $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB");
        return 0;
    }
}
