using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Security;
using Training.Courses.Data;
using Training.Courses.Services;
using Training.Organisation.Data;
using Xunit;

namespace Training.Testing;

public sealed record TestCourse(Guid CourseId, string Code, Guid VersionId);

/// <summary>The arrangement most learner tests start from: a trainer owning a published course, and a learner signed in
/// (enrolled unless asked otherwise) in <see cref="Client"/>.</summary>
public sealed record Classroom(TrainingUser Trainer, TrainingUser Learner, TestCourse Course, HttpClient Client);

/// <summary>Published test courses (through the authoring service, as a trainer would) and the learner's forms:
/// enrol, mark lessons done, start and submit attempts. Shared by the Courses tests and the browser journeys.</summary>
public static partial class TestCourses
{
    public const string RightOption = "0";
    public const string WrongOption = "1";

    /// <summary>A course with two lessons and <paramref name="questions"/> single-choice questions whose first option
    /// ("Phương án đúng") is right; <paramref name="configure"/> sets anything else before publication.</summary>
    public static Task<TestCourse> CreatePublishedCourseAsync(this TrainingApp app, string ownerId, string code = "TEST-01",
        int questions = 4, int draw = 3, int? timeLimit = null, int attemptLimit = 3, Action<Course>? configure = null) =>
        app.WithScopeAsync(async sp =>
        {
            var authoring = sp.GetRequiredService<AuthoringService>();
            var db = sp.GetRequiredService<CoursesDbContext>();
            var (course, error) = await authoring.CreateAsync(ownerId, code, "Khóa học kiểm thử", "Khung pháp lý");
            Assert.True(course is not null, error);
            course!.QuizQuestionCount = draw;
            course.TimeLimitMinutes = timeLimit;
            course.AttemptLimit = attemptLimit;
            course.PassingPercent = 80;
            configure?.Invoke(course);
            var section = authoring.AddSection(course, "Phần 1");
            authoring.AddLesson(course, section, "Bài một", "# Bài một\n\nNội dung phiên bản đầu.");
            authoring.AddLesson(course, section, "Bài hai", "Nội dung bài hai.");
            for (var i = 1; i <= questions; i++)
            {
                var q = new Question
                {
                    Id = Guid.NewGuid(), CourseId = course.Id, Order = i, Kind = QuestionKind.Single, Text = $"Câu hỏi kiểm thử số {i}?",
                    Options = ["Phương án đúng", "Phương án sai một", "Phương án sai hai"], Correct = [0],
                    Explanation = $"Giải thích bí mật {i}", Citation = "Bộ luật Hình sự, Điều 290",
                };
                course.Questions.Add(q);
                db.Questions.Add(q);
            }
            await authoring.SaveAsync();
            var published = await authoring.PublishAsync(course, ownerId);
            Assert.True(published.Version is not null, string.Join("; ", published.Errors));
            return new TestCourse(course.Id, code, published.Version!.Id);
        });

    /// <summary>Trainer <c>giangvien</c>, learner <c>hocvien</c> signed in, a published course, the learner enrolled.</summary>
    public static async Task<Classroom> ArrangeClassroomAsync(this TrainingApp app, int questions = 4, int draw = 3, int? timeLimit = null,
        int attemptLimit = 3, Action<Course>? configure = null, bool enrol = true)
    {
        var trainer = await app.CreateUserAsync("giangvien", BuiltInRoles.Trainer);
        var learner = await app.CreateUserAsync("hocvien", BuiltInRoles.Learner);
        var course = await app.CreatePublishedCourseAsync(trainer.Id, questions: questions, draw: draw, timeLimit: timeLimit,
            attemptLimit: attemptLimit, configure: configure);
        var client = app.CreateBrowser();
        await client.SignInAsync("hocvien");
        if (enrol) await client.EnrolAsync(course.Code);
        return new Classroom(trainer, learner, course, client);
    }

    public static Task<List<Guid>> LessonIdsAsync(this TrainingApp app, Guid versionId) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().VersionLessons.Where(l => l.VersionId == versionId)
            .OrderBy(l => l.Number).Select(l => l.Id).ToListAsync());

    public static async Task EnrolAsync(this HttpClient client, string code)
    {
        var response = await client.PostFormAsync($"/courses/{code}", new Dictionary<string, string>(), $"/courses/{code}?handler=Enrol");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public static async Task ReadAllLessonsAsync(this HttpClient client, TrainingApp app, TestCourse course)
    {
        foreach (var id in await app.LessonIdsAsync(course.VersionId))
        {
            var url = $"/courses/{course.Code}/lessons/{id}";
            var response = await client.PostFormAsync(url, new Dictionary<string, string>(), url + "?handler=Done");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
    }

    /// <summary>Starts (or resumes) an attempt; returns its id.</summary>
    public static async Task<Guid> StartAttemptAsync(this HttpClient client, string code)
    {
        var response = await client.PostFormAsync($"/courses/{code}/quiz", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(AttemptPattern().Match(response.Headers.Location!.OriginalString).Groups[1].Value);
    }

    public static Task<QuizAttempt> AttemptAsync(this TrainingApp app, Guid attemptId) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Attempts.AsNoTracking().SingleAsync(a => a.Id == attemptId));

    /// <summary>Submits the attempt answering <paramref name="rightAnswers"/> questions right and the rest wrong.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, TrainingApp app, Guid attemptId, int rightAnswers,
        IDictionary<string, string>? extra = null)
    {
        var attempt = await app.AttemptAsync(attemptId);
        var fields = attempt.Drawn.Select((d, i) => (Key: $"q_{d.QuestionId}", Value: i < rightAnswers ? RightOption : WrongOption))
            .ToDictionary(x => x.Key, x => x.Value);
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) fields[k] = v;
        return await client.PostFormAsync($"/learning/attempts/{attemptId}", fields);
    }

    /// <summary>Reads every lesson and passes the quiz with full marks.</summary>
    public static async Task CompleteAsync(this HttpClient client, TrainingApp app, TestCourse course)
    {
        await client.ReadAllLessonsAsync(app, course);
        var attempt = await client.StartAttemptAsync(course.Code);
        var drawn = (await app.AttemptAsync(attempt)).Drawn.Count;
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(app, attempt, drawn)).StatusCode);
    }

    [GeneratedRegex("/learning/attempts/([0-9a-f-]{36})")]
    private static partial Regex AttemptPattern();
}
