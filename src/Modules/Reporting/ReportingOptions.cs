namespace Training.Reporting;

/// <summary>Options of the reporting module, bound from the <c>Reporting</c> section.</summary>
public sealed class ReportingOptions
{
    public const string Section = "Reporting";

    /// <summary>Age after which a target's cached population and certificate history is reloaded in the background
    /// (requests keep getting the previous load until the new one is ready). 0 disables the cache: figures always fresh,
    /// every request loads them (seconds on large organisations).</summary>
    public int CacheSeconds { get; set; } = 120;

    /// <summary>How long a target's data stays in memory after it was last asked for (refreshed in the background meanwhile).</summary>
    public int KeepSeconds { get; set; } = 3600;

    /// <summary>Load every measurable target's data once the site has started, so the first dashboard does not wait for it.</summary>
    public bool WarmOnStart { get; set; } = true;
}
