using System.Net;
using System.Text.Json;

namespace Training.Site.Tests.Hosting;

public sealed class OpenApiTests
{
    private static readonly string[] KeyedOperations = ["GET /api/plans", "GET /api/reports/coverage", "GET /api/reports/certificates", "POST /api/roster", "GET /api/people/{staffCode}/assignments"];

    [Fact]
    public async Task OnlyTheOperationsThatNeedAnApiKeyAreMarkedAsNeedingOne()
    {
        using var app = new TrainingApp();

        var response = await app.CreateClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var operations = json.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Key: $"{op.Name.ToUpperInvariant()} {path.Name}", Operation: op.Value)))
            .ToList();
        var secured = operations.Where(o => o.Operation.TryGetProperty("security", out var s) && s.GetArrayLength() > 0).Select(o => o.Key).Order().ToList();
        Assert.Equal(KeyedOperations.Order(), secured);
        Assert.Contains("GET /api/courses", operations.Select(o => o.Key));
        Assert.Contains("GET /api/legal/search", operations.Select(o => o.Key));
        Assert.Contains("GET /api/certificates/{code}", operations.Select(o => o.Key));
        Assert.Equal("X-Api-Key", json.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("name").GetString());
    }
}
