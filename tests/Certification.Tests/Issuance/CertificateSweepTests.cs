using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Security;
using Training.Abstractions.Storage;
using Training.Platform.Storage;

namespace Training.Certification.Tests.Issuance;

/// <summary>The orphan sweep on the shared store keeps every PDF a certificate records and removes a render nothing recorded.</summary>
public sealed class CertificateSweepTests
{
    [Fact]
    public async Task TheSweepKeepsRecordedCertificatePdfsAndRemovesARenderNoCertificateRecords()
    {
        var (app, clock) = CertificationHost.Create(TestDatabase.Postgres, new Dictionary<string, string?> { ["Storage:Sweep"] = "false" });
        using var _app = app;
        var programme = await app.AddProgrammeAsync();
        var user = await app.CreateUserAsync("sweeppdf", BuiltInRoles.Learner);
        var certificate = await app.IssueAsync(programme, user.Id);
        var store = app.Services.GetRequiredService<IBlobStore>();
        // A render whose process died before the certificate recorded it (another id, so another name).
        var lost = $"certificates/{Guid.NewGuid():N}-0123456789abcdef.pdf";
        await store.PutAsync(lost, new MemoryStream("%PDF-1.7"u8.ToArray()), "application/pdf");
        clock.Advance(TimeSpan.FromDays(3));

        var report = await app.WithScopeAsync(sp => sp.GetRequiredService<BlobSweeper>().SweepAsync(false, CancellationToken.None));

        var line = report.Owners.Single(o => o.Prefix == "certificates/");
        Assert.Equal((2, 1, 1), (line.Listed, line.InUse, line.Orphans));
        Assert.Null(await store.GetInfoAsync(lost));
        Assert.NotNull(await store.GetInfoAsync("certificates/" + certificate.PdfFile));
    }
}
