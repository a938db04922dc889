using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Security;
using Training.Courses.Data;
using Training.Courses.Services;

namespace Training.Courses.Tests.Functional;

public sealed class VersioningTests
{
    [Fact]
    public async Task EditingAndRepublishingNeverChangesWhatAnEnrolledLearnerTakesOrCompleted()
    {
        using var app = new TrainingApp();
        var trainer = await app.CreateUserAsync("giangvien", BuiltInRoles.Trainer);
        await app.CreateUserAsync("hocvien", BuiltInRoles.Learner);
        var course = await app.CreatePublishedCourseAsync(trainer.Id);
        var learner = app.CreateBrowser();
        await learner.SignInAsync("hocvien");
        await learner.EnrolAsync(course.Code);
        var v1Lesson = (await app.LessonIdsAsync(course.VersionId))[0];

        var author = app.CreateBrowser();
        await author.SignInAsync("giangvien");
        var draftLesson = await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Lessons.Where(l => l.CourseId == course.CourseId)
            .OrderBy(l => l.Order).Select(l => l.Id).FirstAsync());
        var editUrl = $"/authoring/{course.CourseId}/lessons/{draftLesson}";
        var save = await author.PostFormAsync(editUrl, new Dictionary<string, string> { ["Title"] = "Bài một (sửa)", ["Markdown"] = "Nội dung phiên bản hai." }, editUrl + "?handler=Save");
        Assert.Equal(HttpStatusCode.OK, save.StatusCode);

        // Before republishing, nobody sees the draft.
        Assert.Contains("Nội dung phiên bản đầu.", await learner.GetStringAsync($"/courses/{course.Code}/lessons/{v1Lesson}"));
        var publish = await author.PostFormAsync($"/authoring/{course.CourseId}", new Dictionary<string, string>(), $"/authoring/{course.CourseId}?handler=Publish");
        Assert.Contains("Đã xuất bản phiên bản 2", await publish.Content.ReadAsStringAsync());

        // The enrolled learner keeps version 1; a new visitor gets version 2.
        Assert.Contains("Nội dung phiên bản đầu.", await learner.GetStringAsync($"/courses/{course.Code}/lessons/{v1Lesson}"));
        var catalog = app.Services.GetRequiredService<CourseCatalog>();
        var current = (await catalog.FindByCodeAsync(course.Code))!;
        Assert.Equal(2, current.Version);
        var v2Lesson = (await app.LessonIdsAsync(current.VersionId))[0];
        Assert.Contains("Nội dung phiên bản hai.", await app.CreateClient().GetStringAsync($"/courses/{course.Code}/lessons/{v2Lesson}"));

        await learner.ReadAllLessonsAsync(app, course);
        await learner.SubmitAsync(app, await learner.StartAttemptAsync(course.Code), rightAnswers: 3);
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CoursesDbContext>();
            var completion = await db.Completions.SingleAsync();
            Assert.Equal(course.VersionId, completion.VersionId);
            Assert.Equal(1, completion.Version);
            Assert.Equal("Nội dung phiên bản đầu.", (await db.VersionLessons.SingleAsync(l => l.Id == v1Lesson)).Markdown.Split('\n').Last());
        });
    }

    [Fact]
    public async Task PublishingRefusesACourseWithoutLessonsOrEnoughQuestions()
    {
        using var app = new TrainingApp();
        var trainer = await app.CreateUserAsync("giangvien", BuiltInRoles.Trainer);
        await app.WithScopeAsync(async sp =>
        {
            var authoring = sp.GetRequiredService<AuthoringService>();
            var (course, _) = await authoring.CreateAsync(trainer.Id, "RONG-01", "Khóa rỗng", "Khung pháp lý");
            var result = await authoring.PublishAsync(course!, trainer.Id);
            Assert.Null(result.Version);
            Assert.Contains(result.Errors, e => e.Contains("chưa có bài học"));
            Assert.Contains(result.Errors, e => e.Contains("Ngân hàng câu hỏi"));
        });
    }
}
