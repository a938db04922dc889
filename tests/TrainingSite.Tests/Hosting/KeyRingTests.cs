using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Training.Site.Tests.Hosting;

/// <summary>The data-protection keys stay in keys/ of the data folder, readable by the site's account only; with a
/// certificate configured they are also encrypted at rest.</summary>
public sealed class KeyRingTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task KeysAreKeptInAFolderOnlyTheSiteCanRead()
    {
        using var app = new TrainingApp();

        var response = await app.CreateClient().GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var folder = Path.Combine(app.DataPath, "keys");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        var key = await File.ReadAllTextAsync(Directory.GetFiles(folder, "key-*.xml").Single());
        // Written as is on purpose (see KeyRing): the null encryptor, chosen explicitly.
        Assert.Contains("NullXmlDecryptor", key);
        Assert.Contains("<value>", key);
    }

    [Fact]
    public async Task WithACertificateNewKeysAreEncryptedAtRest()
    {
        var pfx = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Training key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "Mat-khau-chung-thu"));
        }
        try
        {
            using var app = new TrainingApp(settings: new Dictionary<string, string?>
            {
                ["Training:KeyCertificatePath"] = pfx, ["Training:KeyCertificatePassword"] = "Mat-khau-chung-thu",
            });
            var client = app.CreateBrowser();

            var token = await client.GetTokenAsync("/account/login");

            Assert.NotEmpty(token);
            var key = await File.ReadAllTextAsync(Directory.GetFiles(Path.Combine(app.DataPath, "keys"), "key-*.xml").Single());
            Assert.Contains("<EncryptedData", key);
            Assert.DoesNotContain("NullXmlDecryptor", key);
            Assert.DoesNotContain("<value>", key);
        }
        finally
        {
            File.Delete(pfx);
        }
    }
}
