namespace Training.Certification;

/// <summary>Options bound from the <c>Certification</c> section.</summary>
public sealed class CertificationOptions
{
    public const string Section = "Certification";

    /// <summary>Verification requests (page, API, PDF) per client IP per minute.</summary>
    public int VerifyPermitsPerMinute { get; set; } = 60;

    /// <summary>The daily recertification scan (<c>Certification:Recertification</c>).</summary>
    public RecertificationOptions Recertification { get; set; } = new();
}

/// <summary>When the daily scan for opened recertification windows runs.</summary>
public sealed class RecertificationOptions
{
    /// <summary>Run the scan in the background (tests turn it off and call the scanner with a fake clock).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Local (UTC+7) hour of the daily scan.</summary>
    public int HourOfDay { get; set; } = 5;
}
