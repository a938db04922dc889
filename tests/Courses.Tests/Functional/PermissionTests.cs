using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Security;
using Training.Courses.Data;
using Training.Courses.Services;

namespace Training.Courses.Tests.Functional;

public sealed class PermissionTests
{
    private static bool IsForbidden(HttpResponseMessage r) =>
        r.StatusCode is HttpStatusCode.Forbidden ||
        (r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal));

    [Fact]
    public async Task LearnerCannotOpenAuthoring()
    {
        using var app = new TrainingApp();
        var trainer = await app.CreateUserAsync("giangvien", BuiltInRoles.Trainer);
        await app.CreateUserAsync("hocvien", BuiltInRoles.Learner);
        var course = await app.CreatePublishedCourseAsync(trainer.Id);
        var learner = app.CreateBrowser();
        await learner.SignInAsync("hocvien");

        Assert.True(IsForbidden(await learner.GetAsync("/authoring")));
        Assert.True(IsForbidden(await learner.GetAsync($"/authoring/{course.CourseId}")));
        Assert.True(IsForbidden(await learner.GetAsync($"/authoring/{course.CourseId}/questions")));
        var token = await learner.GetTokenAsync("/learning");
        var post = await learner.PostAsync("/authoring", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = "HACK-01", ["Title"] = "Khóa trái phép", ["Category"] = "Khung pháp lý", ["__RequestVerificationToken"] = token,
        }));
        Assert.True(IsForbidden(post));
    }

    [Fact]
    public async Task TrainerCannotEditAnotherTrainersCourseButAnAdministratorCan()
    {
        using var app = new TrainingApp();
        var owner = await app.CreateUserAsync("giangvien", BuiltInRoles.Trainer);
        await app.CreateUserAsync("giangvien2", BuiltInRoles.Trainer);
        await app.CreateUserAsync("quantri", BuiltInRoles.Administrator);
        var course = await app.CreatePublishedCourseAsync(owner.Id);
        var other = app.CreateBrowser();
        await other.SignInAsync("giangvien2");

        Assert.True(IsForbidden(await other.GetAsync($"/authoring/{course.CourseId}")));
        Assert.DoesNotContain(course.Code, await other.GetStringAsync("/authoring"));
        var token = await other.GetTokenAsync("/authoring");
        var publish = await other.PostAsync($"/authoring/{course.CourseId}?handler=Publish",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.True(IsForbidden(publish));

        var admin = app.CreateBrowser();
        await admin.SignInAsync("quantri");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/authoring/{course.CourseId}")).StatusCode);
        var owned = app.CreateBrowser();
        await owned.SignInAsync("giangvien");
        Assert.Equal(HttpStatusCode.OK, (await owned.GetAsync($"/authoring/{course.CourseId}")).StatusCode);
    }

    [Fact]
    public async Task AnonymousVisitorsSeeTheCatalogueButMustSignInToLearn()
    {
        using var app = new TrainingApp();
        var trainer = await app.CreateUserAsync("giangvien", BuiltInRoles.Trainer);
        var course = await app.CreatePublishedCourseAsync(trainer.Id);
        var anonymous = app.CreateBrowser();

        Assert.Contains(course.Code, await anonymous.GetStringAsync("/courses"));
        var quiz = await anonymous.GetAsync($"/courses/{course.Code}/quiz");
        Assert.Equal(HttpStatusCode.Redirect, quiz.StatusCode);
        Assert.Contains("/account/login", quiz.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/learning")).StatusCode);
    }

    [Fact]
    public async Task UnpublishedDraftIsNotVisibleToLearners()
    {
        using var app = new TrainingApp();
        var trainer = await app.CreateUserAsync("giangvien", BuiltInRoles.Trainer);
        await app.CreateUserAsync("hocvien", BuiltInRoles.Learner);
        var draft = await app.WithScopeAsync(async sp =>
        {
            var authoring = sp.GetRequiredService<AuthoringService>();
            var (course, error) = await authoring.CreateAsync(trainer.Id, "NHAP-01", "Khóa nháp", "Khung pháp lý");
            Assert.True(course is not null, error);
            var section = authoring.AddSection(course!, "Phần 1");
            authoring.AddLesson(course!, section, "Bài nháp", "Nội dung bí mật của bản nháp.");
            await authoring.SaveAsync();
            return course!;
        });
        var lessonId = draft.Sections[0].Lessons[0].Id;
        var learner = app.CreateBrowser();
        await learner.SignInAsync("hocvien");

        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync("/courses/NHAP-01")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync("/courses/NHAP-01/quiz")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync($"/courses/NHAP-01/lessons/{lessonId}")).StatusCode);
        var catalogue = await learner.GetAsync("/courses");
        Assert.Equal(HttpStatusCode.OK, catalogue.StatusCode);
        Assert.DoesNotContain("NHAP-01", await catalogue.Content.ReadAsStringAsync());
        var api = await learner.GetAsync("/api/courses");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.DoesNotContain("NHAP-01", await api.Content.ReadAsStringAsync());
        // Enrolling in it by posting the form is refused too.
        var token = await learner.GetTokenAsync("/courses");
        var enrol = await learner.PostAsync("/courses/NHAP-01?handler=Enrol",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, enrol.StatusCode);
        Assert.Equal(0, await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Enrolments.CountAsync()));
    }
}
