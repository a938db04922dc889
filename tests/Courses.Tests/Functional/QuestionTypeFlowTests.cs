using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Security;
using Training.Courses.Data;

namespace Training.Courses.Tests.Functional;

/// <summary>The new question kinds end to end through the pages: authored by the trainer, answered and graded,
/// reviewed per the course's review setting, exported; on both databases.</summary>
public sealed class QuestionTypeFlowTests
{
    private static void AddNewKinds(Course course)
    {
        course.Questions.Add(new Question
        {
            CourseId = course.Id, Order = 10, Kind = QuestionKind.Matching, Text = "Ghép điều luật với nội dung",
            Options = ["Điều 8", "Điều 26", "Điều 29"], Accepted = ["Hành vi bị nghiêm cấm", "Bảo đảm thông tin", "Bảo vệ trẻ em"],
        });
        course.Questions.Add(new Question
        {
            CourseId = course.Id, Order = 11, Kind = QuestionKind.ShortAnswer, Text = "Viết đầy đủ tên cơ quan UBND",
            Accepted = ["Ủy ban nhân dân"], FoldDiacritics = true, Explanation = "Đáp án bí mật",
        });
        course.QuizQuestionCount = 3;
        course.ReviewMode = ReviewMode.AnswersAlways;
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task LearnerAnswersMatchingAndShortAnswerAndGetsPartialCredit(TestDatabase database)
    {
        using var app = new TrainingApp(database: database);
        var (_, _, course, client) = await app.ArrangeClassroomAsync(questions: 1, draw: 3, configure: AddNewKinds);
        var attemptId = await client.StartAttemptAsync(course.Code);
        var attempt = await app.AttemptAsync(attemptId);
        Assert.Equal(3, attempt.Drawn.Count);
        var bank = await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().VersionQuestions
            .Where(q => q.VersionId == course.VersionId).ToDictionaryAsync(q => q.Kind));
        var page = await (await client.GetAsync($"/learning/attempts/{attemptId}")).Content.ReadAsStringAsync();
        Assert.Contains($"name=\"m_{bank[QuestionKind.Matching].Id}_0\"", page);
        Assert.Contains($"name=\"t_{bank[QuestionKind.ShortAnswer].Id}\"", page);
        Assert.DoesNotContain("Đáp án bí mật", page);

        var matching = bank[QuestionKind.Matching].Id;
        var response = await client.PostFormAsync($"/learning/attempts/{attemptId}", new Dictionary<string, string>
        {
            [$"q_{bank[QuestionKind.Single].Id}"] = "0",
            // Two of three prompts matched right.
            [$"m_{matching}_0"] = "0", [$"m_{matching}_1"] = "2", [$"m_{matching}_2"] = "2",
            // No diacritics, other case: accepted since the question folds diacritics.
            [$"t_{bank[QuestionKind.ShortAnswer].Id}"] = "UY BAN NHAN DAN",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var graded = await app.AttemptAsync(attemptId);
        Assert.Equal(88.89m, graded.ScorePercent);
        Assert.True(graded.Passed);
        var byId = graded.Answers.ToDictionary(a => a.QuestionId);
        Assert.Equal(0.6667m, byId[matching].Credit);
        Assert.True(byId[bank[QuestionKind.ShortAnswer].Id].Correct);

        var review = await client.GetAsync($"/learning/attempts/{attemptId}");
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        var html = await review.Content.ReadAsStringAsync();
        Assert.Contains("Đúng một phần (66,7 %)", html);
        Assert.Contains("Đáp án bí mật", html);
        Assert.Contains("UY BAN NHAN DAN", html);
    }

    [Fact]
    public async Task AnswersThatDoNotFitTheKindAreRefusedAndTheAttemptStaysOpen()
    {
        using var app = new TrainingApp();
        var (_, _, course, client) = await app.ArrangeClassroomAsync(questions: 1, draw: 3, configure: AddNewKinds);
        var attemptId = await client.StartAttemptAsync(course.Code);
        var matching = await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().VersionQuestions
            .SingleAsync(q => q.VersionId == course.VersionId && q.Kind == QuestionKind.Matching));
        var outOfRange = await client.PostFormAsync($"/learning/attempts/{attemptId}", new Dictionary<string, string> { [$"m_{matching.Id}_0"] = "9" });
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.Contains("ghép cặp không hợp lệ", await outOfRange.Content.ReadAsStringAsync());
        var mixed = await client.PostFormAsync($"/learning/attempts/{attemptId}", new Dictionary<string, string>
        {
            [$"m_{matching.Id}_0"] = "0", [$"t_{matching.Id}"] = "chữ",
        });
        Assert.Equal(HttpStatusCode.BadRequest, mixed.StatusCode);
        Assert.Equal(AttemptStatus.Open, (await app.AttemptAsync(attemptId)).Status);
    }

    [Fact]
    public async Task TrainerAuthorsMatchingOrderingShortAnswerAndNumericThroughTheForm()
    {
        using var app = new TrainingApp();
        var trainer = await app.CreateUserAsync("giangvien", BuiltInRoles.Trainer);
        var course = await app.CreatePublishedCourseAsync(trainer.Id, questions: 1, draw: 1);
        var client = app.CreateBrowser();
        await client.SignInAsync("giangvien");
        var url = $"/authoring/{course.CourseId}/questions";
        async Task<HttpResponseMessage> Add(Dictionary<string, string> fields) => await client.PostFormAsync(url, fields, url + "?handler=Add");

        Assert.Equal(HttpStatusCode.Redirect, (await Add(new() { ["Kind"] = "matching", ["Text"] = "Ghép điều với nội dung", ["Options"] = "Điều 8 -> Cấm\nĐiều 26 -> Bảo đảm" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Add(new() { ["Kind"] = "ordering", ["Text"] = "Sắp xếp các bước", ["Options"] = "Tiếp nhận\nThẩm định\nTrả kết quả" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Add(new() { ["Kind"] = "shortanswer", ["Text"] = "Viết tắt của Ủy ban nhân dân", ["Accepted"] = "UBND\nU.B.N.D", ["FoldDiacritics"] = "true" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Add(new() { ["Kind"] = "numeric", ["Text"] = "Bao nhiêu phần trăm?", ["Accepted"] = "12,5", ["Tolerance"] = "0,5" })).StatusCode);
        var badMatching = await Add(new() { ["Kind"] = "matching", ["Text"] = "Ghép thiếu vế", ["Options"] = "Điều 8 -> Cấm\nĐiều 26" });
        Assert.Equal(HttpStatusCode.BadRequest, badMatching.StatusCode);
        Assert.Contains("Mỗi ý cần một vế ghép", await badMatching.Content.ReadAsStringAsync());
        var badNumber = await Add(new() { ["Kind"] = "numeric", ["Text"] = "Bao nhiêu phần trăm?", ["Accepted"] = "mười" });
        Assert.Equal(HttpStatusCode.BadRequest, badNumber.StatusCode);

        var questions = await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Questions
            .Where(q => q.CourseId == course.CourseId).OrderBy(q => q.Order).ToListAsync());
        Assert.Equal([QuestionKind.Single, QuestionKind.Matching, QuestionKind.Ordering, QuestionKind.ShortAnswer, QuestionKind.Numeric], questions.Select(q => q.Kind));
        Assert.Equal(["Cấm", "Bảo đảm"], questions[1].Accepted);
        Assert.True(questions[3].FoldDiacritics);
        Assert.Equal(0.5m, questions[4].Tolerance);

        var gift = await client.GetAsync(url + "?handler=Export&format=gift");
        Assert.Equal(HttpStatusCode.OK, gift.StatusCode);
        var text = await gift.Content.ReadAsStringAsync();
        Assert.True(text.Contains("=Điều 8 -> Cấm", StringComparison.Ordinal), text);
        Assert.Contains("#12.5:0.5", text);
        Assert.Equal("1", gift.Headers.GetValues("X-Skipped-Questions").Single());
        var xlsx = await client.GetAsync(url + "?handler=Export&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(url + "?handler=Export&format=doc")).StatusCode);
    }

    [Fact]
    public async Task AnotherTrainerCannotExportTheBankAndALearnerCannotOpenIt()
    {
        using var app = new TrainingApp();
        var (_, _, course, learner) = await app.ArrangeClassroomAsync();
        await app.CreateUserAsync("giangvienkhac", BuiltInRoles.Trainer);
        var other = app.CreateBrowser();
        await other.SignInAsync("giangvienkhac");
        var byOther = await other.GetAsync($"/authoring/{course.CourseId}/questions?handler=Export&format=gift");
        Assert.True(byOther.StatusCode == HttpStatusCode.Forbidden
            || byOther.Headers.Location?.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal) == true, byOther.StatusCode.ToString());
        var byLearner = await learner.GetAsync($"/authoring/{course.CourseId}/questions?handler=Export&format=gift");
        Assert.NotEqual(HttpStatusCode.OK, byLearner.StatusCode);
    }
}
