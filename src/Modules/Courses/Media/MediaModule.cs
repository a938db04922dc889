using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Training.Abstractions.Storage;
using Training.Courses.Media.Data;
using Training.Courses.Services;
using Training.Platform.Data;

namespace Training.Courses.Media;

/// <summary>The per-course media library (issue 14 item 1): uploads, files for lessons, video progress.</summary>
internal static class MediaModule
{
    public static IServiceCollection AddCoursesMedia(this IServiceCollection services)
    {
        services.AddTrainingDbContext<MediaDbContext, MediaSqliteDbContext, MediaPostgresDbContext>(MediaDbContext.Module, order: 21);
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section);
        services.TryAddSingleton<IUploadScanner, NoOpUploadScanner>();
        services.AddSingleton<MediaLibrary>();
        services.AddScoped<MediaLinkResolver>();
        services.AddScoped<MediaAccess>();
        services.AddScoped<MediaUploader>();
        services.AddScoped<VideoProgressService>();
        services.AddScoped<IBlobOwner, MediaBlobOwner>();
        return services;
    }

    public static void MapCoursesMedia(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/authoring/{id:guid}/media/upload", MediaUploadEndpoint.UploadAsync).RequireAuthorization(Permissions.Author)
            .DisableAntiforgery().WithName("UploadCourseMedia").ExcludeFromDescription();
        var files = endpoints.MapGroup("/courses/media/{id:guid}").ExcludeFromDescription();
        files.MapGet("", MediaServeEndpoints.FileAsync).RequireAuthorization();
        files.MapGet("/captions", MediaServeEndpoints.CaptionsAsync).RequireAuthorization();
        files.MapGet("/progress", GetProgressAsync).RequireAuthorization(Permissions.Learn);
        files.MapPost("/progress", PostProgressAsync).RequireAuthorization(Permissions.Learn).DisableAntiforgery();
    }

    private static async Task<IResult> GetProgressAsync(Guid id, ClaimsPrincipal user, MediaLibrary library, MediaAccess access,
        VideoProgressService progress, CancellationToken ct)
    {
        var item = await library.FindAsync(id, ct);
        if (item is null) return Results.NotFound();
        if (!await access.CanViewAsync(user, item.CourseId, ct)) return Results.StatusCode(StatusCodes.Status403Forbidden);
        return Results.Json(await progress.GetAsync(AuthoringService.UserId(user)!, id, ct));
    }

    /// <summary>The antiforgery token comes in the header (the player script sends JSON), validated here.</summary>
    private static async Task<IResult> PostProgressAsync(Guid id, VideoProgressReport report, HttpContext http, ClaimsPrincipal user,
        MediaLibrary library, VideoProgressService progress, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest("Phiên làm việc đã hết hạn: hãy tải lại trang.");
        var item = await library.FindAsync(id, ct);
        if (item is null) return Results.NotFound();
        var state = await progress.RecordAsync(user, item, report, ct);
        return state is null ? Results.StatusCode(StatusCodes.Status403Forbidden) : Results.Json(state);
    }
}
