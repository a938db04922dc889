using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Training.Abstractions.Organisation;

namespace Training.Organisation.Units;

/// <summary><c>GET /org/units/search?q=&amp;page=</c>: the unit picker's suggestions as JSON. Signed-in users only,
/// and only those with a unit scope (administrators, HR with a scope unit): anyone else gets 403, not an empty list,
/// so that a missing scope shows up as an error rather than as "no unit matches".</summary>
internal static class UnitSearchEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(UnitPickerField.SearchUrl, HandleAsync).RequireAuthorization();

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
