using Microsoft.AspNetCore.DataProtection;

namespace Training.Courses.Scorm.Content;

/// <summary>The capability in a content URL: package and attempt, protected and time-limited. The sandboxed frame has
/// an opaque origin, so its requests carry no sign-in cookie; the token is what lets it read its own package (and
/// only that package) for a working day. Data-protection keys are shared by the nodes, so any node accepts it.</summary>
public sealed class ScormTokens(IDataProtectionProvider provider, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(10);

    private readonly ITimeLimitedDataProtector _protector =
        provider.CreateProtector("Training.Courses.Scorm.Content.v1").ToTimeLimitedDataProtector();

    public string Issue(Guid packageId, Guid attemptId) =>
        _protector.Protect($"{packageId:N}.{attemptId:N}", clock.GetUtcNow() + Lifetime);

    /// <summary>The attempt the token was issued for, or null when it is forged, expired or for another package.</summary>
    public Guid? Read(Guid packageId, string token)
    {
        try
        {
            var parts = _protector.Unprotect(token, out var expires).Split('.');
            if (expires < clock.GetUtcNow() || parts.Length != 2 || parts[0] != packageId.ToString("N")) return null;
            return Guid.ParseExact(parts[1], "N");
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException)
        {
            return null;
        }
    }
}
