using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Training.Reporting.Data;

namespace Training.Reporting.Api;

/// <summary>Creates, finds and revokes API keys. The secret is shown once; only its SHA-256 hash is stored.</summary>
public sealed class ApiKeyService(ReportingDbContext db, TimeProvider clock)
{
    public const string SecretPrefix = "trk_";

    public async Task<(ApiKey Key, string Secret)> CreateAsync(string name, Guid unitId, string unitName, string createdBy, CancellationToken ct = default)
    {
        var secret = SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var key = new ApiKey
        {
            Id = Guid.NewGuid(), Name = name, Prefix = secret[..12], Hash = Hash(secret), UnitId = unitId, UnitName = unitName,
            CreatedBy = createdBy, CreatedAt = clock.GetUtcNow(),
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return (key, secret);
    }

    /// <summary>The active key with this secret, or null.</summary>
    public async Task<ApiKey?> FindAsync(string secret, CancellationToken ct = default)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > 200) return null;
        var hash = Hash(secret);
        return await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null, ct);
    }

    public async Task<bool> RevokeAsync(Guid id, CancellationToken ct = default)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id && k.RevokedAt == null, ct);
        if (key is null) return false;
        key.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
