using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Training.Abstractions.Organisation;

namespace Training.Organisation.Units;

/// <summary><c>GET /org/units/search?q=&amp;page=</c>: the unit picker's suggestions as JSON. Needs the HR area's
/// permission (administrators and HR hold it; every page with a picker is theirs) and a unit scope: HR without a scope
/// unit gets 403, not an empty list, so that a missing scope shows up as an error rather than as "no unit matches".
/// Pages whose users lack the permission still work through the picker's no-script search, which runs server-side.</summary>
internal static class UnitSearchEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(UnitPickerField.SearchUrl, HandleAsync).RequireAuthorization(Permissions.AccessHr);

    private static async Task<IResult> HandleAsync(HttpContext http, IUserScope scopes, IUnitSearch search, string? q, int? page, CancellationToken ct)
    {
        var user = http.User;
        var scope = await scopes.GetScopeAsync(user, ct);
        if (!scope.All && scope.RootUnitId is null) return Results.Forbid();
        var result = await search.SearchAsync(user, q, page ?? 1, ct);
        http.Response.Headers.CacheControl = "no-store";
        return Results.Json(new
        {
            items = result.Items.Select(u => new { id = u.Id, code = u.Code, name = u.Name, path = u.PathLabel }),
            page = result.Page,
            total = result.Total,
            hasMore = result.HasMore,
        });
    }
}
