using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Cli;
using Training.Abstractions.Hosting;
using Training.Courses.Scorm.Demo;
using Training.Courses.Scorm.Content;
using Training.Courses.Scorm.Import;
using Training.Courses.Scorm.Runtime;

namespace Training.Courses.Scorm;

/// <summary>SCORM packages as lessons (issue 14 item 2), registered by <see cref="CoursesModule"/>.</summary>
internal static class ScormRegistration
{
    public static IServiceCollection AddScorm(this IServiceCollection services)
    {
        services.AddOptions<ScormLimits>().BindConfiguration("Courses:Scorm");
        services.AddScoped<ScormImporter>();
        services.AddScoped<Training.Abstractions.Storage.IBlobOwner, ScormBlobOwner>();
        services.AddScoped<ScormRuntime>();
        services.AddScoped<ScormPlayer>();
        services.AddSingleton<ScormTokens>();
        services.AddSingleton<ICliVerb, ImportScormVerb>();
        services.AddSingleton<IDemoSeeder, ScormDemoSeeder>();
        return services;
    }

    public static void MapScorm(IEndpointRouteBuilder endpoints)
    {
        ScormContentEndpoint.Map(endpoints);
        ScormRuntimeEndpoint.Map(endpoints);
    }
}
