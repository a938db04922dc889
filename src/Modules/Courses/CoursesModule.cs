using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Citations;
using Training.Abstractions.Cli;
using Training.Abstractions.Events;
using Training.Abstractions.Hosting;
using Training.Abstractions.Learning;
using Training.Abstractions.Navigation;
using Training.Abstractions.Security;
using Training.Courses.Api;
using Training.Courses.Cli;
using Training.Courses.Data;
using Training.Courses.Markdown;
using Training.Courses.Seed;
using Training.Courses.Services;
using Training.Platform.Data;
using Training.Platform.Outbox;

namespace Training.Courses;

/// <summary>Courses: authoring, versioned publication, learning, quizzes, classes, completion and xAPI.</summary>
public static class CoursesModule
{
    public const string Name = "courses";

    public static IServiceCollection AddCourses(this IServiceCollection services)
    {
        services.AddTrainingDbContext<CoursesDbContext, CoursesSqliteDbContext, CoursesPostgresDbContext>(Name, order: 20);
        services.AddOutboxDispatcher<CoursesDbContext>();
        services.AddDomainEvent<CourseCompleted>();
        services.AddMemoryCache();
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<IMenuProvider, CoursesMenu>();
        services.AddSingleton<CourseCatalog>();
        services.AddScoped<LessonRenderer>();
        services.AddScoped<XapiRecorder>();
        services.AddScoped<LearningService>();
        services.AddScoped<AuthoringService>();
        services.AddScoped<ClassService>();
        services.AddScoped<CertificateHints>();
        services.AddScoped<AssignmentPlanner>();
        services.AddScoped<AssignmentService>();
        services.AddScoped<ILearningActivity, LearningActivity>();
        services.AddScoped<ILearnerProgress, LearnerProgressQuery>();
        services.AddScoped<ICitingLessonSource, CitingLessonSource>();
        services.AddScoped<IDomainEventHandler<LegalLibraryChanged>, CitationRefresh>();
        services.AddSingleton<IDemoSeeder, CoursesDemoSeeder>();
        services.AddSingleton<ICliVerb, GenerateBenchVerb>();
        return services;
    }

    public static IEndpointRouteBuilder MapCourses(this IEndpointRouteBuilder endpoints)
    {
        CoursesApi.Map(endpoints);
        return endpoints;
    }
}
