using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Certificates;
using Training.Abstractions.Citations;
using Training.Abstractions.Cli;
using Training.Abstractions.Events;
using Training.Abstractions.Hosting;
using Training.Abstractions.Learning;
using Training.Abstractions.Navigation;
using Training.Abstractions.Security;
using Training.Abstractions.Audiences;
using Training.Courses.Api;
using Training.Courses.Audiences;
using Training.Courses.Cli;
using Training.Courses.Cycles;
using Training.Courses.Data;
using Training.Courses.Markdown;
using Training.Courses.Scorm;
using Training.Courses.Media;
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
        services.AddSingleton<LessonRenderings>();
        services.AddScoped<LessonRenderer>();
        services.AddScoped<XapiRecorder>();
        services.AddScoped<LearningService>();
        services.AddScoped<Evaluation.EvaluationService>();
        services.AddScoped<Evaluation.EvaluationResults>();
        services.AddScoped<AuthoringService>();
        services.AddScoped<ClassService>();
        services.AddScoped<CertificateHints>();
        services.AddScoped<CitationFlags>();
        services.AddScoped<AssignmentPlanner>();
        services.AddScoped<AssignmentService>();
        services.AddScoped<ILearningActivity, LearningActivity>();
        services.AddScoped<AudienceAssigner>();
        services.AddScoped<AudienceLinks>();
        services.AddScoped<IAudienceProgress, AudienceProgressQuery>();
        services.AddScoped<IPersonAssignments, PersonAssignmentsQuery>();
        services.AddScoped<IDomainEventHandler<AudienceMembershipChanged>, AudienceMembershipHandler>();
        services.AddScoped<ILearnerProgress, LearnerProgressQuery>();
        services.AddScoped<ICitingLessonSource, CitingLessonSource>();
        services.AddScoped<IDomainEventHandler<LegalLibraryChanged>, CitationRefresh>();
        services.AddScoped<IDomainEventHandler<RecertificationOpened>, RecertificationOpenedHandler>();
        services.AddDomainEvent<RecertificationOpened>();
        services.AddDomainEvent<CourseRevised>();
        services.AddSingleton<IDemoSeeder, CoursesDemoSeeder>();
        services.AddSingleton<IDemoSeeder, DemoAudienceCoursesSeeder>();
        services.AddSingleton<ICliVerb, GenerateBenchVerb>();
        services.AddScorm();
        services.AddCoursesMedia();
        return services;
    }

    public static IEndpointRouteBuilder MapCourses(this IEndpointRouteBuilder endpoints)
    {
        CoursesApi.Map(endpoints);
        ScormRegistration.MapScorm(endpoints);
        MediaModule.MapCoursesMedia(endpoints);
        return endpoints;
    }
}
