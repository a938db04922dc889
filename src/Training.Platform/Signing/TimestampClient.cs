using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using Microsoft.Extensions.Options;

namespace Training.Platform.Signing;

/// <summary>Asks the RFC 3161 server of <c>Certification:Signing:TimestampUrl</c> to time-stamp a signature value
/// (PAdES B-T). A failure fails the signing: a document promised B-T is never silently downgraded to B-B.</summary>
public sealed class TimestampClient(IHttpClientFactory http, IOptions<DocumentSigningOptions> options)
{
    public const string HttpClientName = "rfc3161";

    public string? Url => string.IsNullOrWhiteSpace(options.Value.TimestampUrl) ? null : options.Value.TimestampUrl;

    /// <summary>The DER time-stamp token (a CMS ContentInfo) over SHA-256 of <paramref name="signature"/>.</summary>
    public async Task<byte[]> StampAsync(byte[] signature, CancellationToken ct)
    {
        var request = Rfc3161TimestampRequest.CreateFromData(signature, HashAlgorithmName.SHA256,
            requestSignerCertificates: true, nonce: RandomNumberGenerator.GetBytes(8));
        using var content = new ByteArrayContent(request.Encode());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
        var client = http.CreateClient(HttpClientName);
        client.Timeout = TimeSpan.FromSeconds(Math.Max(1, options.Value.TimestampTimeoutSeconds));
        using var response = await client.PostAsync(Url, content, ct);
        if (!response.IsSuccessStatusCode)
            throw new CryptographicException($"The time-stamp server answered {(int)response.StatusCode}.");
        var token = request.ProcessResponse(await response.Content.ReadAsByteArrayAsync(ct), out _);
        return token.AsSignedCms().Encode();
    }
}
