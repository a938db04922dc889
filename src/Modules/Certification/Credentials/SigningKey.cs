using System.Security.Cryptography;
using System.Text.Json;
using System.Buffers.Text;
using Training.Abstractions.Hosting;
using Training.Abstractions.Storage;
using Training.Platform.Storage;

namespace Training.Certification.Credentials;

/// <summary>The ES256 (P-256) key that signs credentials, kept as a private JWK and created on first use: under the data
/// folder's keys on one node (the data-folder blob store, SQLite's default), in the shared blob store otherwise, so every
/// node signs with the one key its JWKS publishes. <see cref="SigningKeyStartup"/> creates it under the start-up lock,
/// so nodes starting together do not create two. Its public half is published as JWKS.</summary>
public sealed class SigningKey
{
    private const string BlobKey = "keys/certificates-es256.jwk.json";
    private readonly ECDsa _key;

    public SigningKey(TrainingPaths paths, IBlobStore blobs)
    {
        if (blobs is FileSystemBlobStore)
        {
            var file = Path.Combine(paths.Folder("keys"), "certificates-es256.jwk.json");
            _key = File.Exists(file) ? Load(file) : Create(file);
        }
        else
        {
            // A singleton built once per process, at start-up (SigningKeyStartup): blocking here is harmless.
            _key = LoadOrCreateAsync(blobs).GetAwaiter().GetResult();
        }
        var p = _key.ExportParameters(false);
        X = Base64Url.EncodeToString(p.Q.X!);
        Y = Base64Url.EncodeToString(p.Q.Y!);
        // RFC 7638 thumbprint as key id.
        var canonical = $"{{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"{X}\",\"y\":\"{Y}\"}}";
        KeyId = Base64Url.EncodeToString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical)));
    }

    public string KeyId { get; }
    public string X { get; }
    public string Y { get; }
    /// <summary>Signs a JWT payload as compact JWS (ES256).</summary>
    public string Sign(System.Text.Json.Nodes.JsonObject payload)
    {
        lock (_key) return Jws.Sign(payload, _key, KeyId);
    }

    /// <summary>The public key as a JWK Set.</summary>
    public object Jwks => new { keys = new[] { new { kty = "EC", crv = "P-256", x = X, y = Y, kid = KeyId, use = "sig", alg = "ES256" } } };

    private static async Task<ECDsa> LoadOrCreateAsync(IBlobStore blobs)
    {
        await using (var stored = await blobs.OpenReadAsync(BlobKey))
        {
            if (stored is not null)
            {
                using var reader = new StreamReader(stored.Stream);
                return FromJson(await reader.ReadToEndAsync());
            }
        }
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(ToJson(key)));
        await blobs.PutAsync(BlobKey, content, "application/jwk+json");
        return key;
    }

    private static ECDsa Load(string file) => FromJson(File.ReadAllText(file));

    private static ECDsa FromJson(string json)
    {
        var jwk = JsonSerializer.Deserialize<Dictionary<string, string>>(json)!;
        return ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64Url.DecodeFromChars(jwk["x"]), Y = Base64Url.DecodeFromChars(jwk["y"]) },
            D = Base64Url.DecodeFromChars(jwk["d"]),
        });
    }

    private static ECDsa Create(string file)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var json = ToJson(key);
        var temp = file + ".tmp";
        File.WriteAllText(temp, json);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            File.Move(temp, file, overwrite: false);
        }
        catch (IOException)
        {
            // Another process created it first: use theirs.
            File.Delete(temp);
            return Load(file);
        }
        return key;
    }

    private static string ToJson(ECDsa key)
    {
        var p = key.ExportParameters(true);
        return JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["kty"] = "EC", ["crv"] = "P-256", ["x"] = Base64Url.EncodeToString(p.Q.X!), ["y"] = Base64Url.EncodeToString(p.Q.Y!), ["d"] = Base64Url.EncodeToString(p.D!),
        });
    }
}

/// <summary>Loads (first start: creates) the credential signing key while the start-up lock is held.</summary>
internal sealed class SigningKeyStartup : IStartupTask
{
    public int Order => 0;

    public Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        _ = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<SigningKey>(services);
        return Task.CompletedTask;
    }
}
