using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Cli;
using Training.Abstractions.Security;
using Training.Certification.Data;
using Training.Certification.Pdf;

namespace Training.Certification.Tests.Cli;

/// <summary>check-certificates is the oracle of the kill -9 test (issue 10): it must see every kind of damage to the
/// stored PDFs, name the certificate or file, and exit non-zero; on an intact store it reports nothing.</summary>
public sealed class CheckCertificatesTests
{
    private sealed record Run(int Code, string Out, string Errors);

    private static async Task<(TrainingApp App, List<Certificate> Certificates, string Folder)> ArrangeAsync()
    {
        var (app, _) = CertificationHost.Create();
        var programme = await app.AddProgrammeAsync();
        var unit = await app.CreateUnitAsync("Trường THCS Kiểm Tra");
        var certificates = new List<Certificate>();
        foreach (var name in new[] { "an", "binh", "chi" })
        {
            var person = await app.CreateUserAsync(name, BuiltInRoles.Learner, unit);
            certificates.Add(await app.IssueAsync(programme, person.Id));
        }
        return (app, certificates, app.Services.GetRequiredService<CertificateFiles>().Folder);
    }

    private static async Task<Run> CheckAsync(TrainingApp app)
    {
        var verb = app.Services.GetServices<ICliVerb>().Single(v => v.Name == "check-certificates");
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = await verb.RunAsync(new CliContext([], app.Services, output, errors), CancellationToken.None);
        return new Run(code, output.ToString().Trim(), errors.ToString());
    }

    [Fact]
    public async Task AnIntactStoreHasNoProblem()
    {
        var (app, certificates, _) = await ArrangeAsync();
        using var _app = app;

        var run = await CheckAsync(app);

        Assert.Equal(0, run.Code);
        Assert.Equal("certificates 3, problems 0, temporary files 0, files without certificate 0", run.Out);
        Assert.Equal("", run.Errors);
        Assert.All(certificates, c => Assert.NotNull(c.PdfFile));
    }

    [Fact]
    public async Task ACorruptedPdfIsReportedByItsSerial()
    {
        var (app, certificates, folder) = await ArrangeAsync();
        using var _app = app;
        var path = Path.Combine(folder, certificates[1].PdfFile!);
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[bytes.Length / 2] ^= 0x5A;
        await File.WriteAllBytesAsync(path, bytes);

        var run = await CheckAsync(app);

        Assert.Equal(1, run.Code);
        Assert.Equal("certificates 3, problems 1, temporary files 0, files without certificate 0", run.Out);
        Assert.Equal($"{certificates[1].SerialNumber}: hash mismatch", run.Errors.Trim());
    }

    [Fact]
    public async Task ADeletedPdfIsReportedByItsSerial()
    {
        var (app, certificates, folder) = await ArrangeAsync();
        using var _app = app;
        File.Delete(Path.Combine(folder, certificates[0].PdfFile!));

        var run = await CheckAsync(app);

        Assert.Equal(1, run.Code);
        Assert.Equal($"{certificates[0].SerialNumber}: file missing", run.Errors.Trim());
    }

    [Fact]
    public async Task ACopiedPdfIsAFileWithoutCertificate()
    {
        var (app, certificates, folder) = await ArrangeAsync();
        using var _app = app;
        File.Copy(Path.Combine(folder, certificates[2].PdfFile!), Path.Combine(folder, "ban-sao.pdf"));

        var run = await CheckAsync(app);

        Assert.Equal(1, run.Code);
        Assert.Equal("certificates 3, problems 1, temporary files 0, files without certificate 1", run.Out);
        Assert.Equal("ban-sao.pdf: file without certificate", run.Errors.Trim());
    }

    [Fact]
    public async Task OnePdfRecordedByTwoCertificatesIsADuplicate()
    {
        var (app, certificates, _) = await ArrangeAsync();
        using var _app = app;
        // A second certificate (its own serial and slot) pointing at the first one's file, hash and all.
        var copy = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CertificationDbContext>();
            var original = await db.Certificates.AsNoTracking().SingleAsync(c => c.Id == certificates[0].Id);
            original.Id = Guid.NewGuid();
            original.Cycle = 2;
            original.SerialNumber += "-B";
            original.VerificationCode = "ZZZZZZZZZZZZZZZZ";
            original.StatusIndex += 1000;
            db.Certificates.Add(original);
            await db.SaveChangesAsync();
            return original;
        });

        var run = await CheckAsync(app);

        Assert.Equal(1, run.Code);
        Assert.Equal($"{certificates[0].PdfFile}: file recorded by {string.Join(", ", new[] { certificates[0].SerialNumber, copy.SerialNumber }.Order(StringComparer.Ordinal))}",
            run.Errors.Trim());
    }

    [Fact]
    public async Task ALeftoverTemporaryFileIsReported()
    {
        var (app, _, folder) = await ArrangeAsync();
        using var _app = app;
        await File.WriteAllBytesAsync(Path.Combine(folder, "x.pdf.1a2b3c4d.tmp"), [1, 2, 3]);

        var run = await CheckAsync(app);

        Assert.Equal(1, run.Code);
        Assert.Equal("certificates 3, problems 1, temporary files 1, files without certificate 0", run.Out);
        Assert.Equal("x.pdf.1a2b3c4d.tmp: temporary file", run.Errors.Trim());
    }
}
