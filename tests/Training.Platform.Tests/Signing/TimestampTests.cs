using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.Utilities.Collections;

namespace Training.Platform.Tests.Signing;

/// <summary>PAdES B-T: with <c>Certification:Signing:TimestampUrl</c> set, the signature carries an RFC 3161 token of the
/// server (here a BouncyCastle time-stamp authority on loopback).</summary>
public sealed class TimestampTests
{
    [Fact]
    public async Task WithATimestampServerTheSignatureCarriesAVerifiedTimestamp()
    {
        await using var tsa = await Tsa.StartAsync();
        using var signing = new Signing(timestampUrl: tsa.Url);

        var signed = await signing.SignAsync(Signing.SamplePdf());

        Assert.Equal(1, tsa.Requests);
        var report = signing.Verifier.Verify(signed);
        Assert.True(report.Valid, report.Problem);
        Assert.NotNull(report.TimestampedAt);
        Assert.InRange(report.TimestampedAt!.Value, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        var pdfsig = Poppler.Pdfsig(signed);
        Assert.Contains("Signature Validation: Signature is Valid.", pdfsig);
        Assert.Contains("Total document signed", pdfsig);
    }

    [Fact]
    public async Task AnUnreachableTimestampServerFailsTheSigningInsteadOfDowngrading()
    {
        using var signing = new Signing(timestampUrl: "http://127.0.0.1:9/tsa");

        await Assert.ThrowsAnyAsync<Exception>(() => signing.SignAsync(Signing.SamplePdf()));
    }

    private sealed class Tsa : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _requests;

        private Tsa(WebApplication app) => _app = app;

        public string Url { get; private set; } = "";
        public int Requests => _requests;

        public static async Task<Tsa> StartAsync()
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=Test TSA, O=Test, C=VN", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.8")], critical: true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            var bcCertificate = DotNetUtilities.FromX509Certificate(certificate);
            var key = DotNetUtilities.GetRsaKeyPair(rsa).Private;
            var generator = new TimeStampTokenGenerator(key, bcCertificate, TspAlgorithms.Sha256, "1.2.3.4.1");
            generator.SetCertificates(CollectionUtilities.CreateStore(new[] { bcCertificate }));
            var responses = new TimeStampResponseGenerator(generator, TspAlgorithms.Allowed);

            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var tsa = new Tsa(app);
            var serial = 0L;
            app.MapPost("/tsa", async (HttpContext context) =>
            {
                Interlocked.Increment(ref tsa._requests);
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                var response = responses.Generate(new TimeStampRequest(body.ToArray()), BigInteger.ValueOf(Interlocked.Increment(ref serial)), DateTime.UtcNow);
                context.Response.ContentType = "application/timestamp-reply";
                await context.Response.Body.WriteAsync(response.GetEncoded());
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            tsa.Url = address + "/tsa";
            return tsa;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
