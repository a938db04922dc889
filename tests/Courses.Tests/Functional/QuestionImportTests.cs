using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Security;
using Training.Courses.Data;

namespace Training.Courses.Tests.Functional;

/// <summary>Question import as a trainer does it: encodings, Vietnamese headers, the help and its sample file.</summary>
public sealed class QuestionImportTests
{
    private const string VietnameseCsv = "Loại,Câu hỏi,Phương án,Đáp án,Giải thích,Căn cứ\nmột lựa chọn,Hành vi nào bị nghiêm cấm?,Phát tán mã độc|Đọc báo,1,Vì đó là hành vi bị cấm.,\"Luật An ninh mạng, Điều 8\"\n";

    private static async Task<(TrainingApp App, HttpClient Client, string Url, Guid CourseId)> ArrangeAsync()
    {
        var app = new TrainingApp();
        var trainer = await app.CreateUserAsync("giangvien", BuiltInRoles.Trainer);
        var course = await app.CreatePublishedCourseAsync(trainer.Id, questions: 1, draw: 1);
        var client = app.CreateBrowser();
        await client.SignInAsync("giangvien");
        return (app, client, $"/authoring/{course.CourseId}/questions", course.CourseId);
    }

    private static Task<List<Question>> QuestionsAsync(TrainingApp app, Guid courseId) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<CoursesDbContext>().Questions.Where(q => q.CourseId == courseId).OrderBy(q => q.Order).ToListAsync());

    [Fact]
    public async Task AWindows1258FileIsRefusedWithAClearVietnameseErrorAndNothingIsStored()
    {
        var (app, client, url, courseId) = await ArrangeAsync();
        using var _ = app;
        var cp1258 = CodePagesEncodingProvider.Instance.GetEncoding(1258)!;

        var response = await QuestionBankTests.UploadAsync(client, url, "cau-hoi.csv", cp1258.GetBytes(VietnameseCsv));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Tệp không phải văn bản UTF-8 (dòng 1 có ký tự không đọc được", html);
        Assert.Contains("CSV UTF-8", html);
        Assert.Single(await QuestionsAsync(app, courseId));
    }

    [Fact]
    public async Task AUtf16FileIsRefusedToo()
    {
        var (app, client, url, courseId) = await ArrangeAsync();
        using var _ = app;

        var response = await QuestionBankTests.UploadAsync(client, url, "cau-hoi.csv", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(VietnameseCsv)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Tệp không phải văn bản UTF-8", await response.Content.ReadAsStringAsync());
        Assert.Single(await QuestionsAsync(app, courseId));
    }

    [Fact]
    public async Task AUtf8FileWithBomAndVietnameseHeadersIsImportedInNfc()
    {
        var (app, client, url, courseId) = await ArrangeAsync();
        using var _ = app;
        var decomposed = VietnameseCsv.Normalize(NormalizationForm.FormD);

        var response = await QuestionBankTests.UploadAsync(client, url, "cau-hoi.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(decomposed)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Đã nhập 1 câu hỏi", await response.Content.ReadAsStringAsync());
        var imported = (await QuestionsAsync(app, courseId))[1];
        Assert.Equal("Hành vi nào bị nghiêm cấm?", imported.Text);
        Assert.True(imported.Text.IsNormalized(NormalizationForm.FormC));
        Assert.Equal(["Phát tán mã độc", "Đọc báo"], imported.Options);
        Assert.Equal("Luật An ninh mạng, Điều 8", imported.Citation);
    }

    [Fact]
    public async Task TheHelpDescribesTheColumnsInVietnameseAndItsSampleFileImports()
    {
        var (app, client, url, courseId) = await ArrangeAsync();
        using var _ = app;

        var page = await client.GetStringAsync(url);
        Assert.Contains("Số thứ tự các phương án đúng, đánh số từ 1", page);
        Assert.DoesNotContain("kind,text,options", page);
        var sample = await client.GetAsync("/_content/Courses/mau-ngan-hang-cau-hoi.csv");
        Assert.Equal(HttpStatusCode.OK, sample.StatusCode);
        var response = await QuestionBankTests.UploadAsync(client, url, "mau.csv", await sample.Content.ReadAsByteArrayAsync());

        Assert.Contains("Đã nhập 3 câu hỏi", await response.Content.ReadAsStringAsync());
        Assert.Equal(QuestionKind.TrueFalse, (await QuestionsAsync(app, courseId))[3].Kind);
    }

    [Fact]
    public async Task TooLongFieldsAreRefusedWithTheRowAndFieldNamed()
    {
        var (app, client, url, courseId) = await ArrangeAsync();
        using var _ = app;
        var csv = $"Loại,Câu hỏi,Phương án,Đáp án\nmột lựa chọn,{new string('x', 4_001)},A|B,1\nmột lựa chọn,Câu hỏi hợp lệ?,{new string('y', 501)}|B,1\n";

        var response = await QuestionBankTests.UploadAsync(client, url, "dai.csv", Encoding.UTF8.GetBytes(csv));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Dòng 1: Câu hỏi: dài 4001 ký tự, vượt giới hạn 4000 ký tự.", html);
        Assert.Contains("Dòng 2: Phương án 1: dài 501 ký tự, vượt giới hạn 500 ký tự.", html);
        Assert.Single(await QuestionsAsync(app, courseId));
    }

    [Fact]
    public async Task ALargeBankIsListedFiftyQuestionsAPage()
    {
        var (app, client, url, _) = await ArrangeAsync();
        using var _ = app;
        var csv = "Loại,Câu hỏi,Phương án,Đáp án\n" + string.Concat(Enumerable.Range(1, 60).Select(i => $"một lựa chọn,Câu hỏi nhập số {i:00}?,A|B,1\n"));
        Assert.Contains("Đã nhập 60 câu hỏi", await (await QuestionBankTests.UploadAsync(client, url, "60.csv", Encoding.UTF8.GetBytes(csv))).Content.ReadAsStringAsync());

        var first = await client.GetStringAsync(url);
        var second = await client.GetStringAsync(url + "?p=2");

        Assert.Contains("Ngân hàng câu hỏi (61)", first);
        Assert.Contains("Câu hỏi nhập số 49?", first);
        Assert.DoesNotContain("Câu hỏi nhập số 50?", first);
        Assert.Contains("Câu hỏi nhập số 50?", second);
        Assert.Contains("Câu hỏi nhập số 60?", second);
        Assert.Contains("href=\"?p=2\"", first);
    }
}
