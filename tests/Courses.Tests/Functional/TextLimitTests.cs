using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Security;
using Training.Abstractions.Text;
using Training.Courses.Data;

namespace Training.Courses.Tests.Functional;

/// <summary>Every text field of the course forms has a limit (TextLimits) and a refusal names the field.</summary>
public sealed class TextLimitTests
{
    private static async Task<(TrainingApp App, HttpClient Author, TestCourse Course)> ArrangeAsync()
    {
        var app = new TrainingApp();
        var trainer = await app.CreateUserAsync("giangvien", BuiltInRoles.Trainer);
        var course = await app.CreatePublishedCourseAsync(trainer.Id);
        var author = app.CreateBrowser();
        await author.SignInAsync("giangvien");
        return (app, author, course);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string message)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ANewCourseWithATooLongTitleOrABadCodeIsRefused()
    {
        var (app, author, _) = await ArrangeAsync();
        using var _ = app;

        await AssertRefusedAsync(await author.PostFormAsync("/authoring", new Dictionary<string, string>
        {
            ["Code"] = "DAI-01", ["Title"] = new string('T', TextLimits.Name + 1), ["Category"] = "Khung pháp lý",
        }), $"Tên khóa học: dài {TextLimits.Name + 1} ký tự, vượt giới hạn {TextLimits.Name} ký tự.");
        await AssertRefusedAsync(await author.PostFormAsync("/authoring", new Dictionary<string, string>
        {
            ["Code"] = new string('C', TextLimits.Code + 1), ["Title"] = "Tên hợp lệ", ["Category"] = "Khung pháp lý",
        }), $"Mã khóa học: dài {TextLimits.Code + 1} ký tự");
        await AssertRefusedAsync(await author.PostFormAsync("/authoring", new Dictionary<string, string>
        {
            ["Code"] = "A/B?C", ["Title"] = "Tên hợp lệ", ["Category"] = "Khung pháp lý",
        }), "chỉ gồm chữ cái không dấu, chữ số");
        Assert.Equal(1, await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Courses.CountAsync()));
    }

    [Fact]
    public async Task CourseSettingsSectionsAndLessonTitlesAreLimited()
    {
        var (app, author, course) = await ArrangeAsync();
        using var _ = app;
        var url = $"/authoring/{course.CourseId}";

        var settings = await author.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Form.Title"] = "Khóa học kiểm thử", ["Form.Summary"] = new string('s', TextLimits.Paragraph + 1), ["Form.Category"] = "Khung pháp lý",
            ["Form.Audience"] = "giáo viên", ["Form.EstimatedHours"] = "2", ["Form.QuizQuestionCount"] = "3", ["Form.PassingPercent"] = "101",
            ["Form.AttemptLimit"] = "3",
        }, url + "?handler=Save");
        await AssertRefusedAsync(settings, $"Tóm tắt: dài {TextLimits.Paragraph + 1} ký tự");
        Assert.Contains("Điểm đạt (%): phải từ 1 đến 100.", await settings.Content.ReadAsStringAsync());
        // What was typed is shown again (nothing lost), and nothing was saved.
        Assert.Contains("value=\"101\"", await settings.Content.ReadAsStringAsync());
        Assert.Equal(80, await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Courses.Select(c => c.PassingPercent).SingleAsync()));

        await AssertRefusedAsync(await author.PostFormAsync(url, new Dictionary<string, string> { ["title"] = new string('p', TextLimits.Line + 1) },
            url + "?handler=AddSection"), $"Tên phần: dài {TextLimits.Line + 1} ký tự");
        var sectionId = await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Sections.Select(s => s.Id).SingleAsync());
        await AssertRefusedAsync(await author.PostFormAsync(url, new Dictionary<string, string>
        {
            ["sectionId"] = sectionId.ToString(), ["title"] = new string('b', TextLimits.Name + 1),
        }, url + "?handler=AddLesson"), $"Tên bài học mới: dài {TextLimits.Name + 1} ký tự");
        Assert.Equal(2, await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Lessons.CountAsync()));
    }

    [Fact]
    public async Task AQuestionAddedThroughTheFormIsLimitedFieldByField()
    {
        var (app, author, course) = await ArrangeAsync();
        using var _ = app;
        var url = $"/authoring/{course.CourseId}/questions";

        var response = await author.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Kind"] = "single", ["Text"] = "Câu hỏi hợp lệ?", ["Options"] = "A\nB", ["Answers"] = "1",
            ["Explanation"] = new string('g', TextLimits.Paragraph + 1), ["Citation"] = new string('c', TextLimits.Line + 1),
        }, url + "?handler=Add");

        await AssertRefusedAsync(response, $"Giải thích: dài {TextLimits.Paragraph + 1} ký tự");
        Assert.Contains($"Căn cứ: dài {TextLimits.Line + 1} ký tự", await response.Content.ReadAsStringAsync());
        Assert.Equal(4, await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Questions.CountAsync()));
    }

    [Fact]
    public async Task AClassPlaceAndAnAttendanceResultAreChecked()
    {
        var (app, author, course) = await ArrangeAsync();
        using var _ = app;
        var learner = await app.CreateUserAsync("hocvien", BuiltInRoles.Learner, fullName: "Trần Thị Hoa");
        var classes = $"/authoring/{course.CourseId}/classes";

        await AssertRefusedAsync(await author.PostFormAsync(classes, new Dictionary<string, string>
        {
            ["StartsAt"] = "2026-12-01T08:00", ["Place"] = new string('h', TextLimits.Name + 1), ["Capacity"] = "10",
        }), $"Địa điểm: dài {TextLimits.Name + 1} ký tự");
        Assert.Equal(HttpStatusCode.Redirect, (await author.PostFormAsync(classes, new Dictionary<string, string>
        {
            ["StartsAt"] = "2026-12-01T08:00", ["Place"] = "Hội trường Sở", ["Capacity"] = "10",
        })).StatusCode);
        var classId = await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Classes.Select(c => c.Id).SingleAsync());
        var client = app.CreateBrowser();
        await client.SignInAsync("hocvien");
        await client.PostFormAsync($"/courses/{course.Code}", new Dictionary<string, string> { ["classId"] = classId.ToString() }, $"/courses/{course.Code}?handler=Register");

        var attendance = await author.PostFormAsync($"/authoring/classes/{classId}", new Dictionary<string, string>
        {
            [$"a_{learner.Id}"] = "true", [$"r_{learner.Id}"] = "chín mươi",
        });

        await AssertRefusedAsync(attendance, "Kết quả của Trần Thị Hoa: phải là số từ 0 đến 100.");
        Assert.Equal(0, await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Completions.CountAsync()));
        Assert.False(await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Registrations.Select(r => r.Attended).SingleAsync()));
    }

    [Fact]
    public async Task ACatalogueSearchLongerThanALineIsRefused()
    {
        var (app, _, _) = await ArrangeAsync();
        using var _ = app;

        var response = await app.CreateClient().GetAsync("/courses?q=" + new string('q', TextLimits.Line + 1));

        await AssertRefusedAsync(response, $"Tìm khóa học: dài {TextLimits.Line + 1} ký tự");
    }
}
