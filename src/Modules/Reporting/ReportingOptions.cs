namespace Training.Reporting;

/// <summary>Options of the reporting module, bound from the <c>Reporting</c> section.</summary>
public sealed class ReportingOptions
{
    public const string Section = "Reporting";

    /// <summary>How long a target's population and certificate history stay cached for dashboards and exports.
    /// 0 disables the cache (figures always fresh, slower on large organisations).</summary>
    public int CacheSeconds { get; set; } = 120;
}
