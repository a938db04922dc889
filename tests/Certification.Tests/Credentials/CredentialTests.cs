using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Security;
using Training.Certification.Credentials;
using Training.Certification.Issuance;

namespace Training.Certification.Tests.Credentials;

public sealed class CredentialTests
{
    [Fact]
    public async Task CredentialIsAnOpenBadgeSignedWithThePublishedKeyAndRevocationFlipsItsStatusBit()
    {
        var (app, _) = CertificationHost.Create();
        using var _app = app;
        var programme = await app.AddProgrammeAsync();
        var user = await app.CreateUserAsync("quang", BuiltInRoles.Learner, fullName: "Lý Văn Quang");
        await app.IssueAsync(programme, (await app.CreateUserAsync("other", BuiltInRoles.Learner)).Id);
        var certificate = await app.IssueAsync(programme, user.Id);
        var code = VerificationCode.Format(certificate.VerificationCode);
        var client = app.CreateBrowser();

        var jwks = await client.GetFromJsonAsync<JsonElement>("/.well-known/jwks.json");
        var key = jwks.GetProperty("keys")[0];
        Assert.Equal("ES256", key.GetProperty("alg").GetString());
        Assert.False(key.TryGetProperty("d", out _));
        var (x, y, kid) = (key.GetProperty("x").GetString()!, key.GetProperty("y").GetString()!, key.GetProperty("kid").GetString()!);

        var response = await client.GetAsync($"/api/certificates/{code}/credential");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var jwt = await response.Content.ReadAsStringAsync();
        Assert.True(Jws.Verify(jwt, x, y));
        Assert.False(Jws.Verify(jwt[..^4] + (jwt[^4] == 'A' ? "B" : "A") + jwt[^3..], x, y));
        Assert.Equal(kid, Jws.Header(jwt)["kid"]!.GetValue<string>());
        var vc = Jws.Payload(jwt);
        Assert.Contains("OpenBadgeCredential", vc["type"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal($"urn:uuid:{certificate.Id}", vc["jti"]!.GetValue<string>());
        Assert.Equal("Lý Văn Quang", vc["credentialSubject"]!["identifier"]![0]!["identityHash"]!.GetValue<string>());
        var status = vc["credentialStatus"]!;
        Assert.Equal("BitstringStatusListEntry", status["type"]!.GetValue<string>());
        var index = int.Parse(status["statusListIndex"]!.GetValue<string>());
        Assert.Equal(1, index);
        var listUrl = new Uri(status["statusListCredential"]!.GetValue<string>()).AbsolutePath;

        async Task<bool> RevokedBitAsync()
        {
            var list = await client.GetStringAsync(listUrl);
            Assert.True(Jws.Verify(list, x, y));
            var encoded = Jws.Payload(list)["credentialSubject"]!["encodedList"]!.GetValue<string>();
            return CredentialService.IsSet(encoded, index);
        }

        Assert.False(await RevokedBitAsync());
        await app.WithScopeAsync(sp => sp.GetRequiredService<CertificateActions>().RevokeAsync(certificate.Id, "Sai sót hồ sơ", "hr", default));
        Assert.True(await RevokedBitAsync());
    }

    [Fact]
    public void EncodedListSetsTheLeftmostBitForIndexZeroAndKeepsTheMinimumSize()
    {
        var encoded = CredentialService.EncodeList([0, 9, 131071], 10);
        Assert.StartsWith("u", encoded);
        Assert.True(CredentialService.IsSet(encoded, 0));
        Assert.False(CredentialService.IsSet(encoded, 1));
        Assert.True(CredentialService.IsSet(encoded, 9));
        Assert.True(CredentialService.IsSet(encoded, 131071));
    }
}
