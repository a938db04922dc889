using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Events;
using Training.Certification.Data;
using Training.Courses.Data;

namespace Training.Courses.Tests.Functional;

/// <summary>After a pass the result page says where the certificate stands. Certification issues it asynchronously
/// from the Courses outbox, so the page says "being issued" until the message is delivered, then names the certificate
/// and links to the learner's certificates page. The real Certification module answers through ICertificateLedger.</summary>
public sealed class CertificateHintTests
{
    /// <summary>Holds the delivery of CourseCompleted (after Certification's own handler ran) until released.</summary>
    private sealed class Gate : IDomainEventHandler<CourseCompleted>
    {
        public TaskCompletionSource Open { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task HandleAsync(CourseCompleted domainEvent, CancellationToken ct) => Open.Task.WaitAsync(ct);
    }

    private static async Task AddProgrammeAsync(TrainingApp app, string courseCode) => await app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<CertificationDbContext>();
        db.Programmes.Add(new Programme
        {
            Id = Guid.NewGuid(), Code = "CT-TEST", Name = "Chương trình kiểm thử", CourseCodes = courseCode, MinScore = 70m, ValidityMonths = 24,
            IssuingBody = "UBND tỉnh Ninh Bình", IssuingUnitName = "Sở Giáo dục và Đào tạo Ninh Bình", IssuerCode = "SGDĐT-NB", Place = "Ninh Bình",
            SignerTitle = "GIÁM ĐỐC", SignerName = "Nguyễn Văn A", Wording = "Đã hoàn thành chương trình bồi dưỡng", IsActive = true,
        });
        await db.SaveChangesAsync();
    });

    private static async Task<string> WaitForAsync(HttpClient client, string url, string text)
    {
        var html = "";
        // Delivery is asynchronous (the outbox dispatcher); give it up to 30 s on a loaded machine.
        for (var i = 0; i < 150 && !html.Contains(text, StringComparison.Ordinal); i++)
        {
            if (i > 0) await Task.Delay(200);
            html = await client.GetStringAsync(url);
        }
        return html;
    }

    [Fact]
    public async Task ThePageSaysBeingIssuedUntilDeliveryThenNamesTheNewCertificateAndLinksToIt()
    {
        var gate = new Gate();
        using var app = new TrainingApp();
        app.WithServices(s => s.AddSingleton<IDomainEventHandler<CourseCompleted>>(gate));
        var (_, _, course, client) = await app.ArrangeClassroomAsync();
        await AddProgrammeAsync(app, course.Code);
        await client.ReadAllLessonsAsync(app, course);
        var attempt = await client.StartAttemptAsync(course.Code);
        await client.SubmitAsync(app, attempt, rightAnswers: 3);
        var url = $"/learning/attempts/{attempt}";

        var pending = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, pending.StatusCode);
        var html = await pending.Content.ReadAsStringAsync();
        Assert.Contains("Chứng chỉ đang được cấp", html);
        Assert.Contains("href=\"/certificates\"", html);

        gate.Open.SetResult();
        html = await WaitForAsync(client, url, "Đã cấp chứng chỉ");
        Assert.Contains("Đã cấp chứng chỉ «Chương trình kiểm thử»", html);
        Assert.Contains("Xem và tải chứng chỉ", html);
        var mine = await client.GetStringAsync("/certificates");
        Assert.Contains("Chương trình kiểm thử", mine);
    }

    [Fact]
    public async Task ACourseInNoProgrammeSaysSoOnceDelivered()
    {
        using var app = new TrainingApp();
        var (_, _, course, client) = await app.ArrangeClassroomAsync();
        await client.ReadAllLessonsAsync(app, course);
        var attempt = await client.StartAttemptAsync(course.Code);
        await client.SubmitAsync(app, attempt, rightAnswers: 3);

        var html = await WaitForAsync(client, $"/learning/attempts/{attempt}", "không thuộc chương trình");

        Assert.Contains("Khóa học này không thuộc chương trình cấp chứng chỉ nào", html);
    }

    [Fact]
    public async Task APassWithLessonsLeftSaysToFinishThemFirst()
    {
        using var app = new TrainingApp();
        var (_, _, course, client) = await app.ArrangeClassroomAsync();
        var attempt = await client.StartAttemptAsync(course.Code);
        await client.SubmitAsync(app, attempt, rightAnswers: 3);

        var html = await client.GetStringAsync($"/learning/attempts/{attempt}");

        Assert.Contains("Hoàn thành các bài học còn lại để hoàn thành khóa học", html);
        Assert.Equal(0, await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Completions.CountAsync()));
    }

    [Fact]
    public async Task AFailedAttemptSaysNothingAboutCertificates()
    {
        using var app = new TrainingApp();
        var (_, _, course, client) = await app.ArrangeClassroomAsync();
        var attempt = await client.StartAttemptAsync(course.Code);
        await client.SubmitAsync(app, attempt, rightAnswers: 0);

        Assert.DoesNotContain("certificate-hint", await client.GetStringAsync($"/learning/attempts/{attempt}"));
    }
}
