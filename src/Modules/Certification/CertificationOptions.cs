namespace Training.Certification;

/// <summary>Options bound from the <c>Certification</c> section.</summary>
public sealed class CertificationOptions
{
    public const string Section = "Certification";

    /// <summary>Verification requests (page, API, PDF) per client IP per minute.</summary>
    public int VerifyPermitsPerMinute { get; set; } = 60;
}
