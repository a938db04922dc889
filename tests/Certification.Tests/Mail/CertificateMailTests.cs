using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using Training.Abstractions.Events;
using Training.Abstractions.Security;
using Training.Certification.Data;
using Training.Certification.Issuance;
using Training.Certification.Mail;
using Training.Certification.Pdf;
using Training.Platform.Mail;

namespace Training.Certification.Tests.Mail;

/// <summary>Issue 11 item 6: the holder receives their certificate by e-mail, once, with the stored PDF and the
/// verification link, when SMTP is configured.</summary>
public sealed class CertificateMailTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task IssuanceMailsTheHolderOnceWithTheStoredPdfAndTheVerificationLink(TestDatabase database)
    {
        using var smtp = new FakeSmtp();
        var (app, _) = CertificationHost.Create(database, smtp.Settings());
        using var _app = app;
        var programme = await app.AddProgrammeAsync();
        var user = await app.CreateUserAsync("hoa", BuiltInRoles.Learner, await app.CreateUnitAsync("Trường THPT Hoa Lư A"), fullName: "Đinh Thị Hoa");

        var certificate = await app.IssueAsync(programme, user.Id);

        Assert.True(await smtp.WaitForAsync(1, TimeSpan.FromSeconds(30)), "The certificate e-mail did not arrive.");
        await WaitUntilOutboxDrainedAsync(app);
        var message = Assert.Single(smtp.Messages);
        Assert.Equal("hoa@test.local", message.To.Mailboxes.Single().Address);
        Assert.Equal($"Giấy chứng nhận {certificate.ProgrammeName} số {certificate.SerialNumber}", message.Subject);
        var body = message.TextBody;
        Assert.Contains("Kính gửi Đinh Thị Hoa", body);
        Assert.Contains($"Số giấy chứng nhận: {certificate.SerialNumber}", body);
        Assert.Contains("Ngày cấp: 22/11/2026", body);
        Assert.Contains("Có giá trị đến hết ngày 21/11/2028.", body);
        var verifyUrl = await app.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<PublicUrls>().Verify(certificate.VerificationCode)));
        Assert.Contains(verifyUrl, body);
        var attachment = Assert.Single(message.Attachments.OfType<MimePart>());
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        using var pdf = new MemoryStream();
        await attachment.Content!.DecodeToAsync(pdf);
        var bytes = pdf.ToArray();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        var stored = (await app.CertificatesAsync(user.Id)).Single();
        Assert.Equal(stored.PdfSha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));

        // The outbox delivers CertificateIssued again (a node died before marking it): still one e-mail.
        await app.WithScopeAsync(sp => sp.GetRequiredService<CertificationDbContext>().Outbox
            .Where(m => m.Type == typeof(Training.Abstractions.Certificates.CertificateIssued).FullName)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, (DateTimeOffset?)null).SetProperty(m => m.NextAttemptAt, CertificationHost.Now)));
        await WaitUntilOutboxDrainedAsync(app);
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CertificationDbContext>();
            var issued = await db.Outbox.AsNoTracking().SingleAsync(m => m.Type == typeof(Training.Abstractions.Certificates.CertificateIssued).FullName);
            Assert.NotNull(issued.ProcessedAt);
            Assert.Equal(1, await db.Outbox.CountAsync(m => m.Type == typeof(CertificateMail).FullName));
        });
        Assert.False(await smtp.WaitForAsync(2, TimeSpan.FromSeconds(3)));
        Assert.Equal(1, smtp.Count);
    }

    [Fact]
    public async Task WithoutSmtpNothingIsQueued()
    {
        var (app, _) = CertificationHost.Create();
        using var _app = app;
        var programme = await app.AddProgrammeAsync();
        var user = await app.CreateUserAsync("lan", BuiltInRoles.Learner);

        await app.IssueAsync(programme, user.Id);
        await WaitUntilOutboxDrainedAsync(app);

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CertificationDbContext>();
            Assert.Equal(1, await db.Outbox.CountAsync(m => m.Type == typeof(Training.Abstractions.Certificates.CertificateIssued).FullName));
            Assert.Equal(0, await db.Outbox.CountAsync(m => m.Type == typeof(CertificateMail).FullName));
        });
    }

    [Fact]
    public async Task ExistingDataLoadedAsSeedIsNotMailed()
    {
        using var smtp = new FakeSmtp();
        var (app, _) = CertificationHost.Create(settings: smtp.Settings());
        using var _app = app;
        var programme = await app.AddProgrammeAsync();
        var user = await app.CreateUserAsync("cuc", BuiltInRoles.Learner);

        await app.WithScopeAsync(sp => sp.GetRequiredService<CertificateIssuer>().IssueAsync(new IssueRequest(programme, user.Id, 1, 0, "seed", 90m), default));
        await WaitUntilOutboxDrainedAsync(app);

        Assert.Equal(0, await app.WithScopeAsync(sp => sp.GetRequiredService<CertificationDbContext>().Outbox.CountAsync(m => m.Type == typeof(CertificateMail).FullName)));
        Assert.Equal(0, smtp.Count);
    }

    [Fact]
    public async Task ACertificateRevokedBeforeItsEMailWentIsNotMailed()
    {
        // The site has no SMTP (nothing is queued or sent by itself); the test sends with a mailer pointed at the fake server.
        using var smtp = new FakeSmtp();
        var (app, _) = CertificationHost.Create();
        using var _app = app;
        var programme = await app.AddProgrammeAsync();
        var kept = await app.IssueAsync(programme, (await app.CreateUserAsync("an", BuiltInRoles.Learner)).Id);
        var revoked = await app.IssueAsync(programme, (await app.CreateUserAsync("binh", BuiltInRoles.Learner)).Id);
        Assert.Null(await app.WithScopeAsync(sp => sp.GetRequiredService<CertificateActions>().RevokeAsync(revoked.Id, "Cấp nhầm", "admin", default)));

        await app.WithScopeAsync(async sp =>
        {
            var mailer = new SmtpMailer(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, Security = MailKit.Security.SecureSocketOptions.None }));
            var sender = ActivatorUtilities.CreateInstance<CertificateMailSender>(sp, mailer);
            await sender.HandleAsync(new CertificateMail(revoked.Id, CertificationHost.Now, revoked.Id), default);
            await sender.HandleAsync(new CertificateMail(kept.Id, CertificationHost.Now, kept.Id), default);
        });

        var message = Assert.Single(smtp.Messages);
        Assert.Equal("an@test.local", message.To.Mailboxes.Single().Address);
    }

    private static Task WaitUntilOutboxDrainedAsync(TrainingApp app) => app.DrainOutboxesAsync(TimeSpan.FromSeconds(30), typeof(CertificationDbContext));
}
