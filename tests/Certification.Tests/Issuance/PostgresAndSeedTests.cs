using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Security;
using Training.Certification.Data;

namespace Training.Certification.Tests.Issuance;

public sealed class PostgresAndSeedTests
{
    [Fact]
    public async Task ParallelEventsIssueOneCertificateAndConsecutiveSerialsOnPostgres()
    {
        var (app, _) = CertificationHost.Create(TestDatabase.Postgres);
        using var _app = app;
        await app.AddProgrammeAsync();
        var users = new List<string>();
        for (var i = 0; i < 6; i++) users.Add((await app.CreateUserAsync($"pg{i}", BuiltInRoles.Learner)).Id);

        var events = users.SelectMany(u => Enumerable.Range(0, 3).Select(_ => CertificationHost.Completion(u, "KPL-01"))).ToList();
        await Task.WhenAll(events.Select(e => Task.Run(() => app.PublishAsync(e))));

        var certificates = await app.CertificatesAsync();
        Assert.Equal(6, certificates.Count);
        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"SGDĐT-NB/2026/{i:000000}"), certificates.Select(c => c.SerialNumber).Order());
        Assert.Equal(Enumerable.Range(0, 6), certificates.Select(c => c.StatusIndex).Order());
    }

    [Fact]
    public async Task OnPostgresTheCertificatePdfIsKeptInTheSharedBlobStoreAndServedFromItNotFromTheDataFolder()
    {
        var (app, _) = CertificationHost.Create(TestDatabase.Postgres);
        using var _app = app;
        var programme = await app.AddProgrammeAsync();
        var user = await app.CreateUserAsync("pgpdf", BuiltInRoles.Learner);
        var certificate = await app.IssueAsync(programme, user.Id);

        Assert.NotNull(certificate.PdfSha256);
        Assert.StartsWith(certificate.Id.ToString("N") + "-" + certificate.PdfSha256![..16], certificate.PdfFile);
        var stored = await app.WithScopeAsync(sp => sp.GetRequiredService<Training.Abstractions.Storage.IBlobStore>()
            .GetInfoAsync("certificates/" + certificate.PdfFile));
        Assert.Equal(certificate.PdfSha256, stored!.Sha256);
        Assert.Empty(Directory.EnumerateFiles(app.DataPath, "*.pdf", SearchOption.AllDirectories));

        var pdf = await app.CreateClient().GetAsync($"/certificates/{certificate.VerificationCode}/pdf");
        Assert.Equal(System.Net.HttpStatusCode.OK, pdf.StatusCode);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal(certificate.PdfSha256, Training.Certification.Pdf.CertificateFiles.Sha256(bytes));
    }

    [Fact]
    public async Task DemoSeedIssuesCertificatesToPartOfTheStaffSomeExpiredOneRevoked()
    {
        var (app, _) = CertificationHost.Create(settings: new Dictionary<string, string?> { ["Training:SeedDemo"] = "true" });
        using var _app = app;
        var client = app.CreateBrowser();
        await client.SignInAsync("learner");

        var certificates = await app.CertificatesAsync();
        var today = new DateOnly(2026, 11, 22);
        Assert.InRange(certificates.Select(c => c.UserId).Distinct().Count(), 100, 290);
        Assert.Contains(certificates, c => c.StatusOn(today) == CertificateStatus.Expired);
        Assert.Single(certificates, c => c.StatusOn(today) == CertificateStatus.Revoked);
        Assert.All(certificates, c => Assert.NotNull(c.PdfSha256));
        Assert.All(certificates, c => Assert.InRange(c.IssuedOn, new DateOnly(2024, 1, 1), today));
        var html = await client.GetStringAsync("/certificates");
        Assert.Contains("SGDĐT-NB/", html);
        var programmes = await app.WithScopeAsync(sp => sp.GetRequiredService<CertificationDbContext>().Programmes.CountAsync());
        Assert.Equal(3, programmes);
    }
}
