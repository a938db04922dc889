using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Security;
using Training.Courses.Data;

namespace Training.Courses.Tests.Functional;

public sealed class QuestionBankTests
{
    [Fact]
    public async Task TrainerAddsQuestionsOfEachKindThroughTheForm()
    {
        using var app = new TrainingApp();
        var trainer = await app.CreateUserAsync("giangvien", BuiltInRoles.Trainer);
        var course = await app.CreatePublishedCourseAsync(trainer.Id, questions: 1, draw: 1);
        var client = app.CreateBrowser();
        await client.SignInAsync("giangvien");
        var url = $"/authoring/{course.CourseId}/questions";

        var single = await client.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Kind"] = "single", ["Text"] = "Câu hỏi một lựa chọn?", ["Options"] = "A\nB\nC", ["Answers"] = "2", ["Explanation"] = "Vì B.", ["Citation"] = "",
        }, url + "?handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, single.StatusCode);
        var trueFalse = await client.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Kind"] = "truefalse", ["Text"] = "Câu hỏi Đúng/Sai?", ["Options"] = "", ["Answers"] = "1", ["Explanation"] = "", ["Citation"] = "Luật An ninh mạng, Điều 8",
        }, url + "?handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, trueFalse.StatusCode);
        var invalid = await client.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Kind"] = "multiple", ["Text"] = "Câu hỏi thiếu đáp án?", ["Options"] = "A\nB", ["Answers"] = "5",
        }, url + "?handler=Add");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("Đáp án đúng không hợp lệ", await invalid.Content.ReadAsStringAsync());

        var questions = await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Questions.Where(q => q.CourseId == course.CourseId).OrderBy(q => q.Order).ToListAsync());
        Assert.Equal(3, questions.Count);
        Assert.Equal([1], questions[1].Correct);
        Assert.Equal(["Đúng", "Sai"], questions[2].Options);
        Assert.Equal(QuestionKind.TrueFalse, questions[2].Kind);
    }

    [Fact]
    public async Task CsvImportIsAllOrNothingWithErrorsByRow()
    {
        using var app = new TrainingApp();
        var trainer = await app.CreateUserAsync("giangvien", BuiltInRoles.Trainer);
        var course = await app.CreatePublishedCourseAsync(trainer.Id, questions: 1, draw: 1);
        var client = app.CreateBrowser();
        await client.SignInAsync("giangvien");
        var url = $"/authoring/{course.CourseId}/questions";

        Task<HttpResponseMessage> Upload(string name, string content) => UploadAsync(client, url, name, System.Text.Encoding.UTF8.GetBytes(content));

        var bad = await Upload("bank.csv", "kind,text,options,answers,explanation,citation\nsingle,Câu hỏi đúng?,A|B,1,Vì A,\nsingle,Câu hỏi sai?,A|B,3,,\nkieu-la,Câu hỏi loại lạ?,A|B,1,,\n");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Dòng 2", html);
        Assert.Contains("Dòng 3", html);
        Assert.Equal(1, await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Questions.CountAsync(q => q.CourseId == course.CourseId)));

        var good = await Upload("bank.json", """[{"kind":"multiple","text":"Chọn các hành vi bị cấm?","options":["Phát tán mã độc","Đọc báo"],"answers":[1],"explanation":"","citation":null},{"kind":"truefalse","text":"Mã OTP được cung cấp cho người lạ?","answers":[2]}]""");
        Assert.Contains("Đã nhập 2 câu hỏi", await good.Content.ReadAsStringAsync());
        Assert.Equal(3, await app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Questions.CountAsync(q => q.CourseId == course.CourseId)));
    }

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, string name, byte[] content)
    {
        var token = await client.GetTokenAsync(url);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "file", name },
        };
        return await client.PostAsync(url + "?handler=Import", form);
    }
}
