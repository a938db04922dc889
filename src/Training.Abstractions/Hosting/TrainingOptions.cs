namespace Training.Abstractions.Hosting;

/// <summary>Site-wide options, bound from the <c>Training</c> section.</summary>
public sealed class TrainingOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Training";

    /// <summary>The data folder; relative paths are resolved against the content root. Default <c>App_Data</c>.</summary>
    public string DataPath { get; set; } = "App_Data";

    /// <summary>Seed the demo organisation, users, courses and certificates.</summary>
    public bool SeedDemo { get; set; }

    /// <summary>Public base URL used in links that leave the site (QR codes, PDFs, e-mails). Required (https) in
    /// Production; elsewhere, when empty, the address the site listens on.</summary>
    public string PublicBaseUrl { get; set; } = "";
}
