using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Training.Certification.Credentials;

/// <summary>Compact JWS with ES256 (RFC 7515/7518): the signature is the raw 64-byte r||s (IEEE P1363), base64url.</summary>
public static class Jws
{
    public static string Sign(JsonObject payload, ECDsa key, string keyId, string type = "JWT")
    {
        var header = new JsonObject { ["alg"] = "ES256", ["kid"] = keyId, ["typ"] = type };
        var signingInput = Encode(header.ToJsonString()) + "." + Encode(payload.ToJsonString());
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>True when the ES256 signature verifies with the public key (x, y base64url, as in the JWKS).</summary>
    public static bool Verify(string jwt, string x, string y)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3) return false;
        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64Url.DecodeFromChars(x), Y = Base64Url.DecodeFromChars(y) },
        });
        return key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]),
            HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    public static JsonObject Header(string jwt) => JsonNode.Parse(Base64Url.DecodeFromChars(jwt.Split('.')[0]))!.AsObject();

    public static JsonObject Payload(string jwt) => JsonNode.Parse(Base64Url.DecodeFromChars(jwt.Split('.')[1]))!.AsObject();

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
}
