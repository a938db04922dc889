using System.IO.Compression;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using System.Buffers.Text;
using Training.Certification.Data;
using Training.Certification.Issuance;
using Training.Certification.Pdf;
using Training.Platform.Time;

namespace Training.Certification.Credentials;

/// <summary>Open Badges 3.0 credentials signed as VC-JWT (ES256): the JWT payload is the credential itself with the
/// registered claims iss, jti, nbf, exp and sub. Revocation is published as a W3C Bitstring Status List credential.</summary>
public sealed class CredentialService(CertificationDbContext db, SigningKey key, PublicUrls urls, TimeProvider clock)
{
    /// <summary>Minimum list length (16 KB of bits) recommended by the Bitstring Status List spec for herd privacy.</summary>
    public const int MinimumBits = 131072;

    public string Sign(Certificate c, Programme p)
    {
        var issuerId = urls.Base + "/";
        var validFrom = VietnamClock.StartOf(c.IssuedOn);
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
            ["id"] = $"urn:uuid:{c.Id}",
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["issuer"] = new JsonObject { ["id"] = issuerId, ["type"] = new JsonArray("Profile"), ["name"] = c.IssuingUnitName },
            ["validFrom"] = validFrom.ToString("yyyy-MM-ddTHH:mm:sszzz"),
            ["name"] = c.ProgrammeName,
            ["credentialSubject"] = new JsonObject
            {
                ["type"] = new JsonArray("AchievementSubject"),
                ["identifier"] = new JsonArray(new JsonObject
                {
                    ["type"] = "IdentityObject", ["identityType"] = "name", ["hashed"] = false, ["identityHash"] = c.HolderName,
                }),
                ["achievement"] = new JsonObject
                {
                    ["id"] = $"{urls.Base}/programmes/{Uri.EscapeDataString(p.Code)}",
                    ["type"] = new JsonArray("Achievement"),
                    ["achievementType"] = "Certificate",
                    ["name"] = c.ProgrammeName,
                    ["description"] = $"{p.Wording} {c.ProgrammeName}",
                    ["criteria"] = new JsonObject { ["narrative"] = Narrative(p) },
                },
            },
            ["credentialStatus"] = new JsonObject
            {
                ["id"] = $"{urls.StatusList}#{c.StatusIndex}",
                ["type"] = "BitstringStatusListEntry",
                ["statusPurpose"] = "revocation",
                ["statusListIndex"] = c.StatusIndex.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["statusListCredential"] = urls.StatusList,
            },
            ["iss"] = issuerId,
            ["jti"] = $"urn:uuid:{c.Id}",
            ["nbf"] = validFrom.ToUnixTimeSeconds(),
        };
        if (c.ExpiresOn is { } e)
        {
            var until = VietnamClock.StartOf(e.AddDays(1)).AddSeconds(-1);
            credential["validUntil"] = until.ToString("yyyy-MM-ddTHH:mm:sszzz");
            credential["exp"] = until.ToUnixTimeSeconds();
        }
        return key.Sign(credential);
    }

    public async Task<string> SignStatusListAsync(CancellationToken ct)
    {
        var revoked = await db.Certificates.AsNoTracking().Where(c => c.RevokedOn != null).Select(c => c.StatusIndex).ToListAsync(ct);
        var max = await db.Certificates.AsNoTracking().Select(c => (int?)c.StatusIndex).MaxAsync(ct) ?? 0;
        var now = clock.GetUtcNow();
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["id"] = urls.StatusList,
            ["type"] = new JsonArray("VerifiableCredential", "BitstringStatusListCredential"),
            ["issuer"] = urls.Base + "/",
            ["validFrom"] = now.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = urls.StatusList + "#list",
                ["type"] = "BitstringStatusList",
                ["statusPurpose"] = "revocation",
                ["encodedList"] = EncodeList(revoked, max + 1),
            },
            ["iss"] = urls.Base + "/",
            ["jti"] = urls.StatusList,
            ["nbf"] = now.ToUnixTimeSeconds(),
        };
        return key.Sign(credential);
    }

    /// <summary>Multibase base64url (prefix 'u') of the GZIP-compressed bitstring; index 0 is the most significant bit of the first byte.</summary>
    public static string EncodeList(IEnumerable<int> setIndexes, int size)
    {
        var bits = Math.Max(MinimumBits, (size + 7) / 8 * 8);
        var bytes = new byte[bits / 8];
        foreach (var i in setIndexes) bytes[i / 8] |= (byte)(0x80 >> (i % 8));
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize)) gzip.Write(bytes);
        return "u" + Base64Url.EncodeToString(buffer.ToArray());
    }

    /// <summary>Reads bit <paramref name="index"/> of an encoded list (used by tests and verifiers).</summary>
    public static bool IsSet(string encodedList, int index)
    {
        using var input = new GZipStream(new MemoryStream(Base64Url.DecodeFromChars(encodedList.AsSpan(1))), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        var bytes = output.ToArray();
        return (bytes[index / 8] & (0x80 >> (index % 8))) != 0;
    }

    private static string Narrative(Programme p)
    {
        var codes = string.Join(", ", p.CourseCodeList);
        var which = p.RequiredCount is { } n && n < p.CourseCodeList.Count ? $"{n} trong các khóa học {codes}" : $"các khóa học {codes}";
        return $"Hoàn thành {which} với điểm kiểm tra tối thiểu {p.MinScore:0.#}/100.";
    }
}
