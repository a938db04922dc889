using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Organisation;
using Training.Courses.Data;
using Training.Courses.Services;

namespace Training.Courses.Api;

public sealed record CourseSummary(Guid Id, string Code, string Title, string Category, string Summary, int Version, decimal EstimatedHours,
    int LessonCount, int QuestionCount, int PassingPercent, string Url);

internal static class CoursesApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Courses");
        api.MapGet("/courses", ListCourses).WithName("ListCourses").WithSummary("Khóa học đã xuất bản, kèm số bài học và số câu hỏi").AllowAnonymous();
        api.MapGet("/xapi/statements", Statements).WithName("XapiStatements")
            .WithSummary("Câu lệnh xAPI của hoạt động học tập, lọc theo thời gian và đơn vị (trong phạm vi người gọi)")
            .RequireAuthorization(Permissions.ExportStatements);
    }

    private static async Task<Ok<List<CourseSummary>>> ListCourses(CourseCatalog catalog, CancellationToken ct) =>
        TypedResults.Ok((await catalog.GetPublishedAsync(ct)).Select(c => new CourseSummary(c.CourseId, c.Code, c.Title, c.Category, c.Summary,
            c.Version, c.EstimatedHours, c.LessonCount, c.QuestionCount, c.PassingPercent, $"/courses/{c.Code}")).ToList());

    private static async Task<Results<Ok<XapiResult>, BadRequest<string>>> Statements(DateTimeOffset? since, DateTimeOffset? until, Guid? unit,
        ClaimsPrincipal user, HttpContext http, IUserScope scopes, IOrgDirectory directory, CoursesDbContext db, CancellationToken ct)
    {
        var scope = await scopes.GetScopeAsync(user, ct);
        IReadOnlySet<Guid>? units = scope.All ? null : scope.UnitIds;
        if (unit is { } u)
        {
            if (!scope.Contains(u)) return TypedResults.BadRequest("Đơn vị nằm ngoài phạm vi quản lý.");
            var subtree = await directory.GetSubtreeAsync(u, ct);
            units = units is null ? subtree : subtree.Where(units.Contains).ToHashSet();
        }
        var q = db.Statements.AsNoTracking();
        if (since is { } s) q = q.Where(x => x.Timestamp >= s);
        if (until is { } t) q = q.Where(x => x.Timestamp < t);
        if (units is not null)
        {
            var list = units.ToList();
            q = q.Where(x => x.UnitId != null && list.Contains(x.UnitId.Value));
        }
        var rows = await q.OrderBy(x => x.Timestamp).Take(10_000).ToListAsync(ct);
        var origin = $"{http.Request.Scheme}://{http.Request.Host}";
        return TypedResults.Ok(new XapiResult(rows.Select(r => XapiStatementDto.From(r, origin)).ToList()));
    }
}
