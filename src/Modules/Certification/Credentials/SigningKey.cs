using System.Security.Cryptography;
using System.Text.Json;
using System.Buffers.Text;
using Training.Abstractions.Hosting;

namespace Training.Certification.Credentials;

/// <summary>The ES256 (P-256) key that signs credentials, kept as a private JWK under the data folder's keys and created
/// on first use. Its public half is published as JWKS.</summary>
public sealed class SigningKey
{
    private readonly ECDsa _key;

    public SigningKey(TrainingPaths paths)
    {
        var file = Path.Combine(paths.Folder("keys"), "certificates-es256.jwk.json");
        _key = File.Exists(file) ? Load(file) : Create(file);
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

    private static ECDsa Load(string file)
    {
        var jwk = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file))!;
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
        var p = key.ExportParameters(true);
        var json = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["kty"] = "EC", ["crv"] = "P-256", ["x"] = Base64Url.EncodeToString(p.Q.X!), ["y"] = Base64Url.EncodeToString(p.Q.Y!), ["d"] = Base64Url.EncodeToString(p.D!),
        });
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
}
