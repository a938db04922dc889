using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Courses.Data;
using Training.E2E.Infrastructure;
using Training.LegalLibrary.Import;

namespace Training.E2E.Courses;

/// <summary>Issue 12 item 5 in the browser (the machine's date is after 01/07/2026): the authoring home lists the seeded
/// lesson citing Luật An ninh mạng 2018, the editor flags it, and a learner sees the notice beside the lesson text;
/// screenshots at desktop width and at 390 px.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LawChangeJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task AuthorSeesTheFlagAndLearnerSeesTheNotice()
    {
        using var site = new LiveSite();
        using (var scope = site.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<CorpusImporter>().ImportAsync(Journey.TestCorpus, _ => { });
        // The import makes the courses resolve their citations again through the outbox.
        string lessonUrl = "";
        for (var i = 0; i < 300 && lessonUrl.Length == 0; i++)
        {
            using var scope = site.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<CoursesDbContext>();
            // A lesson of KPL-01's published version (other courses and older versions cite the same article).
            var published = await db.Courses.AsNoTracking().Where(c => c.Code == "KPL-01").Select(c => c.PublishedVersionId).SingleAsync();
            var lesson = await db.VersionLessons.AsNoTracking().Where(l => l.VersionId == published && l.Markdown.Contains("[[Luật An ninh mạng, Điều 8]]"))
                .Join(db.Citations.AsNoTracking(), l => l.Id, c => c.LessonId, (l, c) => l).FirstOrDefaultAsync();
            if (lesson is not null) lessonUrl = $"/courses/KPL-01/lessons/{lesson.Id}";
            else await Task.Delay(200);
        }
        Assert.NotEmpty(lessonUrl);

        var admin = await browser.NewPageAsync(site);
        await admin.LoginAsync("admin");
        await admin.GotoAsync("/authoring");
        var flagged = admin.Locator("#changing-law");
        await Assertions.Expect(flagged).ToContainTextAsync("bị thay thế từ 01/07/2026 bởi");
        await admin.ScreenshotAsync("law-change-authoring-home");
        await flagged.GetByRole(AriaRole.Link).Filter(new() { HasText = "KPL-01" }).First.ClickAsync();
        await Assertions.Expect(admin.Locator("#changing-law")).ToContainTextAsync("Văn bản được trích dẫn (24/2018/QH14) bị thay thế từ 01/07/2026");
        await admin.ScreenshotAsync("law-change-editor");
        await admin.SetViewportSizeAsync(390, 844);
        await admin.ScreenshotAsync("law-change-editor-390");

        var learner = await browser.NewPageAsync(site);
        await learner.LoginAsync("learner");
        await learner.GotoAsync(lessonUrl);
        await Assertions.Expect(learner.Locator(".citation-notice")).ToContainTextAsync("bởi Luật An ninh mạng 2025 (116/2025/QH15)");
        await learner.ScreenshotAsync("law-change-lesson-notice");
        await learner.SetViewportSizeAsync(390, 844);
        await learner.ScreenshotAsync("law-change-lesson-notice-390");
    }
}
