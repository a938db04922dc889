using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Hosting;
using Training.Abstractions.Organisation;
using Training.Courses.Data;
using Training.Courses.Services;

namespace Training.Courses.Seed;

/// <summary>Seeds the three real courses, owned by the demo trainer, and publishes them. Idempotent by course code.</summary>
internal sealed class CoursesDemoSeeder : IDemoSeeder
{
    public int Order => 20;

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<CoursesDbContext>();
        var directory = services.GetRequiredService<IOrgDirectory>();
        var authoring = services.GetRequiredService<AuthoringService>();
        var people = await directory.GetPeopleAsync(new PeopleQuery(null), ct);
        var trainer = people.FirstOrDefault(p => p.StaffCode == "DEMO-TRAINER")?.UserId ?? "";
        foreach (var content in CourseContent.LoadAll())
        {
            if (await db.Courses.AnyAsync(c => c.Code == content.Code, ct)) continue;
            var (course, error) = await authoring.CreateAsync(trainer, content.Code, content.Title, content.Category, ct);
            if (course is null) throw new InvalidOperationException(error);
            Apply(course, content);
            foreach (var s in content.Sections)
            {
                var section = authoring.AddSection(course, s.Title);
                foreach (var l in s.Lessons) authoring.AddLesson(course, section, l.Title, CourseContent.ReadLesson(l.File));
            }
            var json = System.Text.Json.JsonSerializer.Serialize(content.Questions);
            var (questions, errors) = QuestionImporter.Parse(json, "seed.json");
            if (errors.Count > 0) throw new InvalidOperationException($"{content.Code}: " + string.Join("; ", errors.Select(e => $"{e.Row}: {e.Message}")));
            var n = 0;
            foreach (var q in questions)
            {
                q.CourseId = course.Id;
                q.Order = ++n;
                course.Questions.Add(q);
                db.Questions.Add(q);
            }
            await Media.Seed.MediaDemo.AddVideoLessonAsync(services, course, authoring, trainer, ct);
            await authoring.SaveAsync(ct);
            var published = await authoring.PublishAsync(course, trainer, ct);
            if (published.Version is null) throw new InvalidOperationException($"{content.Code}: " + string.Join("; ", published.Errors));
        }
    }

    internal static void Apply(Course course, CourseContent content)
    {
        course.Summary = content.Summary;
        course.Audience = content.Audience;
        course.EstimatedHours = content.Hours;
        course.QuizQuestionCount = content.QuizQuestionCount;
        course.PassingPercent = content.PassingPercent;
        course.AttemptLimit = content.AttemptLimit;
        course.TimeLimitMinutes = content.TimeLimitMinutes;
    }
}
