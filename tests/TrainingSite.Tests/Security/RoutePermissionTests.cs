using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Security;

namespace Training.Site.Tests.Security;

/// <summary>Every admin and HR route, taken from the app's own endpoint data source, refuses anonymous users and
/// learners, so a new route cannot slip past.</summary>
public sealed class RoutePermissionTests
{
    private static readonly string[] Protected = ["admin", "hr", "api/hr", "api/admin"];

    [Fact]
    public async Task EveryAdminAndHrRouteRefusesAnonymousUsersAndLearners()
    {
        using var app = new TrainingApp();
        await app.CreateUserAsync("hocvien", BuiltInRoles.Learner);
        var routes = ProtectedRoutes(app);
        Assert.Contains(routes, r => r.Path == "/admin");
        Assert.Contains(routes, r => r.Path == "/hr/roster");

        var anonymous = app.CreateBrowser();
        var learner = app.CreateBrowser();
        await learner.SignInAsync("hocvien");
        var failures = new List<string>();
        foreach (var (path, method) in routes)
        {
            var asAnonymous = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            if (!IsLoginChallenge(asAnonymous)) failures.Add($"anonymous {method} {path} -> {(int)asAnonymous.StatusCode}");
            var asLearner = await learner.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            if (!IsForbidden(asLearner)) failures.Add($"learner {method} {path} -> {(int)asLearner.StatusCode}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static bool IsLoginChallenge(HttpResponseMessage r) =>
        r.StatusCode == HttpStatusCode.Unauthorized ||
        (r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString.Contains("/account/login", StringComparison.Ordinal));

    // POSTs without a token may be refused by antiforgery (400) before authorization; they still change nothing.
    private static bool IsForbidden(HttpResponseMessage r) =>
        r.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest ||
        (r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal));

    private static List<(string Path, string Method)> ProtectedRoutes(TrainingApp app)
    {
        var sources = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var result = new List<(string, string)>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var raw = endpoint.RoutePattern.RawText?.Trim('/') ?? "";
            if (!Protected.Any(p => raw == p || raw.StartsWith(p + "/", StringComparison.OrdinalIgnoreCase))) continue;
            var path = "/" + string.Join("/", endpoint.RoutePattern.PathSegments.Select(Segment));
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            result.AddRange(methods.Select(m => (path, m)));
        }
        return result.Distinct().ToList();
    }

    /// <summary>A value matching a constraint like <c>regex(^(csv|xlsx)$)</c>: its first alternative.</summary>
    private static string FirstAlternative(string regex) =>
        regex["regex(".Length..^1].Trim('^', '$').Trim('(', ')').Split('|')[0];

    private static string Segment(Microsoft.AspNetCore.Routing.Patterns.RoutePatternPathSegment segment) =>
        string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l => l.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart p =>
                p.ParameterPolicies.Any(x => x.Content is "guid") ? Guid.NewGuid().ToString()
                : p.ParameterPolicies.Any(x => x.Content is "int" or "long") ? "1"
                : p.ParameterPolicies.Select(x => x.Content).FirstOrDefault(c => c?.StartsWith("regex(", StringComparison.Ordinal) == true) is { } regex
                    ? FirstAlternative(regex) : "x",
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart s => s.Content,
            _ => "x",
        }));
}
