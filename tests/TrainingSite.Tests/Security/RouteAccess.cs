using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;
using Training.Reporting.Api;

namespace Training.Site.Tests.Security;

/// <summary>Who may call a route: anyone, any signed-in user, holders of one permission, or API keys.</summary>
public sealed record Access(string Kind, string? Permission = null)
{
    public static readonly Access Public = new("public");
    public static readonly Access SignedIn = new("signed-in");
    public static readonly Access ApiKey = new("api-key");

    public static Access Perm(string permission) => new("permission", permission);

    public override string ToString() => Permission is null ? Kind : $"permission {Permission}";
}

/// <summary>One callable route: a minimal API endpoint, or one handler of a Razor page (GET and POST each).</summary>
public sealed record Route(string Key, string Method, string Url, Access Actual, string? ContentType = null);

/// <summary>Every route of the running site, read from its endpoint data source, with the access its metadata
/// actually grants (page attributes, handler attributes enforced by the host's filter, group conventions, the
/// fallback policy for endpoints that say nothing).</summary>
public static class RouteAccess
{
    public static async Task<List<Route>> ReadAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var routes = new List<Route>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null) continue;
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
            var url = "/" + string.Join("/", endpoint.RoutePattern.PathSegments.Select(Segment)).Trim('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                // Pages are compiled on first use; the compiled endpoint carries the page model's attributes.
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                var pageAccess = Actual(compiled.Endpoint?.Metadata ?? endpoint.Metadata);
                foreach (var handler in compiled.HandlerMethods)
                {
                    var method = handler.HttpMethod.ToUpperInvariant();
                    var suffix = handler.Name is null ? "" : "?handler=" + handler.Name;
                    var handlerData = handler.MethodInfo.GetCustomAttributes(typeof(AuthorizeAttribute), inherit: true).Cast<IAuthorizeData>().ToList();
                    var access = handlerData.Count > 0 ? Actual(handlerData, [], allowAnonymous: false) : pageAccess;
                    routes.Add(new Route($"{method} {pattern}{suffix}", method, url + suffix, access));
                }
                continue;
            }
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"])
                routes.Add(new Route($"{method} {pattern}", method, url, Actual(endpoint.Metadata),
                    endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.FirstOrDefault()));
        }
        return routes.DistinctBy(r => r.Key).OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
    }

    private static Access Actual(EndpointMetadataCollection metadata) =>
        Actual(metadata.GetOrderedMetadata<IAuthorizeData>(), metadata.GetOrderedMetadata<AuthorizationPolicy>(), metadata.GetMetadata<IAllowAnonymous>() is not null);

    private static Access Actual(IReadOnlyList<IAuthorizeData> data, IReadOnlyList<AuthorizationPolicy> policies, bool allowAnonymous)
    {
        if (allowAnonymous) return Access.Public;
        if (policies.Any(p => p.AuthenticationSchemes.Contains(ApiKeyHandler.SchemeName))) return Access.ApiKey;
        var named = data.Select(d => d.Policy).Where(p => p is not null).Distinct().ToList();
        return named.Count switch
        {
            0 => Access.SignedIn, // [Authorize] alone, or nothing: the fallback policy
            1 => Access.Perm(named[0]!),
            _ => Access.Perm(string.Join("+", named.Order())),
        };
    }

    /// <summary>A value for a route parameter: a fresh guid, 1 for numbers, a regex constraint's first alternative, else "x".</summary>
    private static string Segment(RoutePatternPathSegment segment) =>
        string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart l => l.Content,
            RoutePatternSeparatorPart s => s.Content,
            RoutePatternParameterPart p when p.ParameterPolicies.Any(x => x.Content is "guid") => Guid.NewGuid().ToString(),
            RoutePatternParameterPart p when p.ParameterPolicies.Any(x => x.Content is "int" or "long") => "1",
            RoutePatternParameterPart p when p.ParameterPolicies.Select(x => x.Content).FirstOrDefault(c => c?.StartsWith("regex(", StringComparison.Ordinal) == true) is { } regex =>
                regex["regex(".Length..^1].Trim('^', '$').Trim('(', ')').Split('|')[0],
            _ => "x",
        }));
}
