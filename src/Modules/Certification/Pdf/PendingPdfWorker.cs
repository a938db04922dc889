using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Training.Abstractions.Cluster;
using Training.Certification.Data;

namespace Training.Certification.Pdf;

/// <summary>Renders PDFs of certificates committed without one (the process died between commit and render, or
/// rendering failed), and removes temporary files of interrupted writes. A singleton job: with several nodes it runs on
/// one of them at a time (two nodes rendering the same backlog would only waste CPU).</summary>
public sealed class PendingPdfWorker(IServiceScopeFactory scopes, ILogger<PendingPdfWorker> log) : ISingletonJob
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    public string Name => "certification:pending-pdfs";

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RenderPendingAsync(scopes, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "Rendering pending certificate PDFs failed; retrying");
            }
            try
            {
                await Task.Delay(Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public static async Task<int> RenderPendingAsync(IServiceScopeFactory scopes, CancellationToken ct, TimeSpan? tempMinimumAge = null)
    {
        using var scope = scopes.CreateScope();
        var files = scope.ServiceProvider.GetRequiredService<CertificateFiles>();
        var db = scope.ServiceProvider.GetRequiredService<CertificationDbContext>();
        var pdfs = scope.ServiceProvider.GetRequiredService<CertificatePdfService>();
        var done = 0;
        while (true)
        {
            var batch = await db.Certificates.AsNoTracking().Where(c => c.PdfSha256 == null).OrderBy(c => c.Id).Take(200).ToListAsync(ct);
            if (batch.Count == 0) break;
            foreach (var certificate in batch) await pdfs.EnsurePdfAsync(certificate, ct);
            done += batch.Count;
        }
        files.CleanTemporaryFiles(tempMinimumAge);
        return done;
    }
}
