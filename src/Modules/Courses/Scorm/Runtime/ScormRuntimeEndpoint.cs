using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Training.Courses.Scorm.Runtime;

public sealed record CommitRequest(Dictionary<string, string>? Values, bool Finish);

public sealed record CommitResponse(bool Ok, string? Error, bool LessonDone);

/// <summary>Where the player page (never the sandboxed frame) persists what the SCO committed: the learner's own
/// attempt, signed in, with the antiforgery token in the <c>RequestVerificationToken</c> header.</summary>
internal static class ScormRuntimeEndpoint
{
    public const int MaxBodyBytes = 1_200_000;

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/courses/scorm/attempts/{attemptId:guid}/commit", CommitAsync)
            .RequireAuthorization(Permissions.Learn).DisableAntiforgery().ExcludeFromDescription()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxBodyBytes));

    public static string Url(Guid attemptId) => $"/courses/scorm/attempts/{attemptId}/commit";

    private static async Task<Results<Ok<CommitResponse>, BadRequest<CommitResponse>, NotFound>> CommitAsync(Guid attemptId, CommitRequest request,
        HttpContext http, IAntiforgery antiforgery, ScormRuntime runtime, CancellationToken ct)
    {
        // JSON bodies are not checked by the antiforgery middleware (it reads forms): check the header here.
        if (!await antiforgery.IsRequestValidAsync(http))
            return TypedResults.BadRequest(new CommitResponse(false, "Phiên làm việc đã hết hạn; hãy tải lại trang.", false));
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var result = await runtime.CommitAsync(attemptId, userId, request.Values ?? [], request.Finish, ct);
        if (result.NotFound) return TypedResults.NotFound();
        return result.Ok
            ? TypedResults.Ok(new CommitResponse(true, null, result.LessonDone))
            : TypedResults.BadRequest(new CommitResponse(false, result.Error, false));
    }
}
