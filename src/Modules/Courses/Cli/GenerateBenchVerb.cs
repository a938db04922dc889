using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Cli;
using Training.Courses.Data;
using Training.Courses.Services;

namespace Training.Courses.Cli;

/// <summary>Generates published benchmark courses (<c>BENCH-001</c> ...) with Markdown lessons and a question bank.</summary>
internal sealed class GenerateBenchVerb : ICliVerb
{
    public string Name => "courses-generate-bench";
    public string Usage => "courses-generate-bench [--courses 200] [--lessons 5000]   tạo dữ liệu đo hiệu năng cho khóa học";

    public async Task<int> RunAsync(CliContext context, CancellationToken ct)
    {
        var courses = int.Parse(context.Option("--courses") ?? "200", CultureInfo.InvariantCulture);
        var lessons = int.Parse(context.Option("--lessons") ?? "5000", CultureInfo.InvariantCulture);
        if (courses < 1 || lessons < courses)
        {
            await context.Error.WriteLineAsync("--lessons phải lớn hơn hoặc bằng --courses.");
            return 2;
        }
        var created = 0;
        for (var i = 1; i <= courses; i++)
        {
            using var scope = context.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<CoursesDbContext>();
            var code = $"BENCH-{i:000}";
            if (await db.Courses.AnyAsync(c => c.Code == code, ct)) continue;
            var authoring = scope.ServiceProvider.GetRequiredService<AuthoringService>();
            var (course, error) = await authoring.CreateAsync("", code, $"Khóa học đo hiệu năng số {i}", "Kỹ năng phát hiện", ct);
            if (course is null)
            {
                await context.Error.WriteLineAsync(error);
                return 1;
            }
            course.Summary = "Khóa học sinh tự động để đo hiệu năng danh mục và trang bài học.";
            course.QuizQuestionCount = 5;
            var perCourse = lessons / courses + (i <= lessons % courses ? 1 : 0);
            var section = authoring.AddSection(course, "Nội dung");
            for (var l = 1; l <= perCourse; l++)
            {
                if (l % 10 == 1 && l > 1) section = authoring.AddSection(course, $"Phần {l / 10 + 1}");
                authoring.AddLesson(course, section, $"Bài {l}: an toàn thông tin khi làm việc trực tuyến", LessonBody(i, l));
            }
            for (var q = 1; q <= 10; q++)
            {
                var question = new Question
                {
                    Id = Guid.NewGuid(), CourseId = course.Id, Order = q, Kind = QuestionKind.Single, Text = $"Câu hỏi số {q} của khóa {code}?",
                    Options = ["Phương án A", "Phương án B", "Phương án C", "Phương án D"], Correct = [q % 4], Explanation = "Giải thích.",
                };
                course.Questions.Add(question);
                db.Questions.Add(question);
            }
            await authoring.SaveAsync(ct);
            var result = await authoring.PublishAsync(course, "", ct);
            if (result.Version is null)
            {
                await context.Error.WriteLineAsync(string.Join("; ", result.Errors));
                return 1;
            }
            created++;
        }
        await context.Out.WriteLineAsync($"Đã tạo {created} khóa học đo hiệu năng.");
        return 0;
    }

    private static string LessonBody(int course, int lesson) => $$"""
        # Bài {{lesson}} của khóa {{course}}

        Khi nhận được tin nhắn yêu cầu chuyển tiền, cán bộ cần **dừng lại, kiểm tra, xác minh** qua kênh chính thức.

        | Dấu hiệu | Việc cần làm |
        |---|---|
        | Đường dẫn lạ | Không bấm, báo cáo bộ phận CNTT |
        | Yêu cầu mã OTP | Không cung cấp cho bất kỳ ai |
        | Giả danh cơ quan nhà nước | Gọi lại số điện thoại công khai của cơ quan |

        ## Ghi nhớ

        1. Không chia sẻ mật khẩu.[^1]
        2. Bật xác thực hai yếu tố.
        3. Lưu giữ chứng cứ (ảnh chụp màn hình, đường dẫn, thời gian).

        [^1]: Xem thêm quy định của đơn vị về an toàn thông tin.
        """;
}
