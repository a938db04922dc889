using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Training.Reporting.Tests.Api;

public sealed partial class HrApiTests
{
    private static async Task<string> CreateKeyAsync(World world, Guid unit, string name = "HRM tỉnh")
    {
        var admin = world.App.CreateBrowser();
        await admin.SignInAsync("admin1");
        return await admin.CreateApiKeyAsync(unit, name);
    }

    private static HttpClient Api(World world, string? key)
    {
        var client = world.App.CreateClient();
        if (key is not null) client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task KeyScopedToOneSubtreeNeverSeesAnother(TestDatabase database)
    {
        using var world = await World.CreateAsync(database: database);
        world.Ledger.Issue(world.Teachers["gva1"].Id, world.Programme, new(2025, 6, 1));
        world.Ledger.Issue(world.Teachers["gvb1"].Id, world.Programme, new(2025, 6, 1));
        await world.SyncAsync();
        var key = await CreateKeyAsync(world, world.SoA.Id);
        Assert.StartsWith("trk_", key);
        var api = Api(world, key);

        var own = await api.GetAsync($"/api/reports/coverage?target={world.Target.Id}&unit={world.SoA.Id}&asOf=2026-01-01");
        var other = await api.GetAsync($"/api/reports/coverage?target={world.Target.Id}&unit={world.SoB.Id}");
        var parent = await api.GetAsync($"/api/reports/coverage?target={world.Target.Id}&unit={world.Province.Id}");
        var defaultUnit = await api.GetFromJsonAsync<JsonElement>($"/api/reports/coverage?target={world.Target.Id}");
        var certificates = await api.GetFromJsonAsync<JsonElement>("/api/reports/certificates?programme=CT-KPL&status=valid");
        var otherCertificates = await api.GetAsync($"/api/reports/certificates?unit={world.SoB.Id}");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var body = await own.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(4, body.GetProperty("unit").GetProperty("population").GetInt32());
        Assert.Equal(25m, body.GetProperty("unit").GetProperty("percent").GetDecimal());
        Assert.Equal("Missed", body.GetProperty("unit").GetProperty("milestones")[0].GetProperty("status").GetString());
        Assert.Equal(2, body.GetProperty("children").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, parent.StatusCode);
        Assert.Equal("Sở A", defaultUnit.GetProperty("unit").GetProperty("name").GetString());
        Assert.Equal(["GVA1"], certificates.EnumerateArray().Select(c => c.GetProperty("staffCode").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, otherCertificates.StatusCode);
        var tooLong = await api.GetAsync($"/api/reports/certificates?programme={new string('P', 65)}");
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("programme, status: tối đa 64 ký tự.", await tooLong.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task MissingWrongOrRevokedKeyIsRefused(TestDatabase database)
    {
        using var world = await World.CreateAsync(database: database);
        var key = await CreateKeyAsync(world, world.SoA.Id);
        Assert.Equal(HttpStatusCode.OK, (await Api(world, key).GetAsync("/api/plans")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Api(world, null).GetAsync("/api/plans")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api(world, key + "x").GetAsync("/api/plans")).StatusCode);

        var admin = world.App.CreateBrowser();
        await admin.SignInAsync("admin1");
        var list = await (await admin.GetAsync("/admin/api-keys")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(key, list);
        var id = RevokePattern().Match(list).Groups[1].Value;
        var revoke = await admin.PostFormAsync("/admin/api-keys", new Dictionary<string, string>(), $"/admin/api-keys?handler=Revoke&id={id}");
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api(world, key).GetAsync("/api/plans")).StatusCode);
    }

    [Fact]
    public async Task KeysAreStoredAsHashesAndOnlyAdministratorsManageThem()
    {
        using var world = await World.CreateAsync();
        var key = await CreateKeyAsync(world, world.SoA.Id);
        var stored = await world.App.WithScopeAsync(sp => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Data.ReportingDbContext>(sp).ApiKeys));
        Assert.Equal(Reporting.Api.ApiKeyService.Hash(key), stored.Hash);
        Assert.DoesNotContain(key, stored.Hash + stored.Prefix + stored.Name);

        var hr = world.App.CreateBrowser();
        await hr.SignInAsync("hra");
        var refused = await hr.GetAsync("/admin/api-keys");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/access-denied", refused.Headers.Location!.AbsolutePath);
        // A valid antiforgery token (from a page hr may open), so only authorization can refuse the POST.
        var create = await hr.PostFormAsync("/hr/plans/edit", new Dictionary<string, string> { ["Name"] = "x", ["UnitId"] = world.SoA.Id.ToString() },
            "/admin/api-keys?handler=Create");
        Assert.Equal(HttpStatusCode.Redirect, create.StatusCode);
        Assert.StartsWith("/account/access-denied", create.Headers.Location!.AbsolutePath);
        Assert.Equal(1, await world.App.WithScopeAsync(sp => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            sp.GetRequiredService<Data.ReportingDbContext>().ApiKeys)));
    }

    [Fact]
    public async Task OpenApiDocumentDescribesTheHrApiAndItsKey()
    {
        using var world = await World.CreateAsync();
        var json = await world.App.CreateClient().GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/reports/coverage", json);
        Assert.Contains("/api/reports/certificates", json);
        Assert.Contains("/api/plans", json);
        Assert.Contains("X-Api-Key", json);
    }

    [GeneratedRegex("[?;]id=([0-9a-f-]{36})")]
    private static partial Regex RevokePattern();

    [Fact]
    public async Task RosterSyncImportsWithinTheKeysSubtreeAndRefusesOthersWholly()
    {
        using var world = await World.CreateAsync();
        var api = Api(world, await CreateKeyAsync(world, world.SoA.Id));
        const string header = "Mã cán bộ,Họ và tên,Đơn vị,Đối tượng\n";

        var ok = await api.PostAsync("/api/roster", new StringContent(header +
            "API001,Nguyễn Thị Đồng Bộ,UBND tỉnh > Sở A > Trường A1,giáo viên\n", System.Text.Encoding.UTF8, "text/csv"));
        var outside = await api.PostAsync("/api/roster", new StringContent(header +
            "API002,Trần Văn Hợp Lệ,UBND tỉnh > Sở A > Trường A2,giáo viên\n" +
            "API003,Lê Văn Ngoài,UBND tỉnh > Sở B > Trường B1,giáo viên\n", System.Text.Encoding.UTF8, "text/csv"));
        var anonymous = await Api(world, null).PostAsync("/api/roster", new StringContent(header, System.Text.Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(1, (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created").GetInt32());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, outside.StatusCode);
        var errors = (await outside.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(3, errors[0].GetProperty("line").GetInt32());
        Assert.Contains("ngoài phạm vi", errors[0].GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var codes = await world.App.WithScopeAsync(sp => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            sp.GetRequiredService<Training.Organisation.Data.OrganisationDbContext>().Users.Where(u => u.StaffCode.StartsWith("API")).Select(u => u.StaffCode)));
        Assert.Equal(["API001"], codes);
    }
}
