using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Security;
using Training.Certification.Data;
using Training.Certification.Issuance;
using Training.Certification.Pdf;
using Training.Platform.Outbox;
using Training.Platform.Time;

namespace Training.Certification.Tests.Issuance;

public sealed class IssuanceTests
{
    [Fact]
    public async Task CompletingTheLastRequiredCourseIssuesOneCertificateWithSerialCodeAndStoredPdf()
    {
        var (app, _) = CertificationHost.Create();
        using var _app = app;
        var programme = await app.AddProgrammeAsync(courses: "KPL-01;KNPH-01");
        var unit = await app.CreateUnitAsync("Trường THPT Hoa Lư A");
        var user = await app.CreateUserAsync("hoa", BuiltInRoles.Learner, unit, fullName: "Đinh Thị Hoa");

        await app.PublishAsync(CertificationHost.Completion(user.Id, "KPL-01", 80));
        Assert.Empty(await app.CertificatesAsync(user.Id));
        await app.PublishAsync(CertificationHost.Completion(user.Id, "KNPH-01", 91));

        var certificate = Assert.Single(await app.CertificatesAsync(user.Id));
        Assert.Equal("SGDĐT-NB/2026/000001", certificate.SerialNumber);
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{16}$", certificate.VerificationCode);
        Assert.Equal("Đinh Thị Hoa", certificate.HolderName);
        Assert.Equal("Trường THPT Hoa Lư A", certificate.HolderUnitName);
        Assert.Equal(new DateOnly(2026, 11, 22), certificate.IssuedOn);
        Assert.Equal(new DateOnly(2028, 11, 21), certificate.ExpiresOn);
        Assert.Equal(85.5m, certificate.ScorePercent);
        Assert.NotNull(certificate.PdfSha256);
        var file = Path.Combine(app.DataPath, "certificates", certificate.PdfFile!);
        Assert.Equal(certificate.PdfSha256, CertificateFiles.Sha256(await File.ReadAllBytesAsync(file)));
        var outbox = await app.WithScopeAsync(sp => sp.GetRequiredService<CertificationDbContext>().Outbox.CountAsync());
        Assert.Equal(1, outbox);
    }

    [Fact]
    public async Task RedeliveredAndParallelEventsIssueExactlyOneCertificate()
    {
        var (app, _) = CertificationHost.Create();
        using var _app = app;
        var programme = await app.AddProgrammeAsync();
        var user = await app.CreateUserAsync("song", BuiltInRoles.Learner);
        var completion = CertificationHost.Completion(user.Id, "KPL-01");
        var others = Enumerable.Range(0, 6).Select(_ => CertificationHost.Completion(user.Id, "KPL-01")).ToList();

        await Task.WhenAll(others.Append(completion).Append(completion).Select(e => Task.Run(() => app.PublishAsync(e))));
        await app.PublishAsync(completion);

        var certificate = Assert.Single(await app.CertificatesAsync(user.Id));
        Assert.Equal(1, certificate.Cycle);
        Assert.Equal(programme.Id, certificate.ProgrammeId);
        var results = await app.WithScopeAsync(sp => sp.GetRequiredService<CertificationDbContext>().CourseResults.CountAsync());
        Assert.Equal(7, results);
    }

    [Fact]
    public async Task SerialNumbersAreConsecutivePerIssuerAndYearUnderConcurrentIssuance()
    {
        var (app, _) = CertificationHost.Create();
        using var _app = app;
        await app.AddProgrammeAsync();
        var users = new List<string>();
        for (var i = 0; i < 12; i++) users.Add((await app.CreateUserAsync($"u{i}", BuiltInRoles.Learner)).Id);

        await Task.WhenAll(users.Select(u => Task.Run(() => app.PublishAsync(CertificationHost.Completion(u, "KPL-01")))));

        var serials = (await app.CertificatesAsync()).Select(c => c.SerialNumber).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"SGDĐT-NB/2026/{i:000000}"), serials);
    }

    [Fact]
    public async Task ExpiryFollowsTheClockAndTheRecertificationWindowOpensANewCycle()
    {
        var (app, clock) = CertificationHost.Create();
        using var _app = app;
        var programme = await app.AddProgrammeAsync(months: 12);
        var user = await app.CreateUserAsync("chu", BuiltInRoles.Learner);
        var first = await app.IssueAsync(programme, user.Id);
        Assert.Equal(new DateOnly(2027, 11, 21), first.ExpiresOn);

        // Inside validity, before the window: a new completion changes nothing.
        clock.Advance(TimeSpan.FromDays(200));
        await app.PublishAsync(CertificationHost.Completion(user.Id, "KPL-01", at: clock.GetUtcNow()));
        Assert.Single(await app.CertificatesAsync(user.Id));

        // 30 days before expiry the window (60 days) is open; the old completions do not count, a new one does.
        clock.SetUtcNow(new DateTimeOffset(2027, 10, 22, 9, 0, 0, TimeSpan.FromHours(7)).ToUniversalTime());
        await app.WithScopeAsync(sp => sp.GetRequiredService<CertificateIssuer>().EvaluateAsync(user.Id, null, default));
        Assert.Single(await app.CertificatesAsync(user.Id));
        await app.PublishAsync(CertificationHost.Completion(user.Id, "KPL-01", at: clock.GetUtcNow()));
        var all = (await app.CertificatesAsync(user.Id)).OrderBy(c => c.Cycle).ToList();
        Assert.Equal([1, 2], all.Select(c => c.Cycle));
        Assert.Equal("SGDĐT-NB/2027/000001", all[1].SerialNumber);

        clock.SetUtcNow(new DateTimeOffset(2027, 11, 22, 9, 0, 0, TimeSpan.FromHours(7)).ToUniversalTime());
        Assert.Equal(CertificateStatus.Expired, all[0].StatusOn(clock.Today()));
        Assert.Equal(CertificateStatus.Valid, all[1].StatusOn(clock.Today()));
    }

    [Fact]
    public async Task ReissueSupersedesAndRevocationIsAuditedAndPublished()
    {
        var (app, _) = CertificationHost.Create();
        using var _app = app;
        var programme = await app.AddProgrammeAsync();
        var user = await app.CreateUserAsync("lan", BuiltInRoles.Learner);
        var original = await app.IssueAsync(programme, user.Id);

        var (replacement, error) = await app.WithScopeAsync(sp =>
            sp.GetRequiredService<CertificateActions>().ReissueAsync(original.Id, "Sửa họ tên theo căn cước", "hr", default));
        Assert.Null(error);
        Assert.NotNull(replacement);
        Assert.Equal(original.ExpiresOn, replacement.ExpiresOn);
        Assert.Equal("Cần nêu lý do thu hồi.",
            await app.WithScopeAsync(sp => sp.GetRequiredService<CertificateActions>().RevokeAsync(replacement.Id, "  ", "hr", default)));
        Assert.Null(await app.WithScopeAsync(sp => sp.GetRequiredService<CertificateActions>().RevokeAsync(replacement.Id, "Gian lận", "hr", default)));

        var all = await app.CertificatesAsync(user.Id);
        Assert.Equal(CertificateStatus.Superseded, all.Single(c => c.Id == original.Id).StatusOn(new(2026, 11, 22)));
        Assert.Equal(CertificateStatus.Revoked, all.Single(c => c.Id == replacement.Id).StatusOn(new(2026, 11, 22)));
        var (audit, events) = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CertificationDbContext>();
            return (await db.Audit.Select(a => a.Action).ToListAsync(), await db.Outbox.Select(o => o.Type).ToListAsync());
        });
        Assert.Equal(["issued", "issued", "revoked", "superseded"], audit.Order());
        Assert.Contains(events, t => t.EndsWith("CertificateRevoked", StringComparison.Ordinal));

        // A revoked certificate opens a new cycle for completions after the revocation.
        await app.PublishAsync(CertificationHost.Completion(user.Id, "KPL-01", at: CertificationHost.Now.AddHours(1)));
        Assert.Equal(3, (await app.CertificatesAsync(user.Id)).Count);
    }

    [Fact]
    public async Task AnEventDeliveredThroughTheOutboxIsRetriedUntilTheCertificateIsIssued()
    {
        var (app, clock) = CertificationHost.Create();
        using var _app = app;
        await app.AddProgrammeAsync();
        // The event arrives before the person exists: the handler throws and the outbox keeps the message.
        var completion = CertificationHost.Completion("not-yet", "KPL-01");
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CertificationDbContext>();
            db.Enqueue(completion);
            await db.SaveChangesAsync();
        });
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher<CertificationDbContext>>();
        await dispatcher.DispatchBatchAsync(default);
        var message = await app.WithScopeAsync(sp => sp.GetRequiredService<CertificationDbContext>().Outbox.AsNoTracking().SingleAsync(m => m.Id == completion.EventId));
        Assert.Null(message.ProcessedAt);
        Assert.Equal(1, message.Attempts);
        Assert.Empty(await app.CertificatesAsync());

        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Training.Organisation.Data.TrainingUser>>();
            await users.CreateAsync(new Training.Organisation.Data.TrainingUser
            {
                Id = "not-yet", UserName = "notyet", FullName = "Vũ Văn Muộn", StaffCode = "NOTYET", CreatedAt = clock.GetUtcNow(),
            });
        });
        clock.Advance(TimeSpan.FromMinutes(1));
        await dispatcher.DispatchBatchAsync(default);
        Assert.Single(await app.CertificatesAsync("not-yet"));
    }
}
