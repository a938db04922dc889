namespace Training.Reporting;

/// <summary>Options of the reporting module, bound from the <c>Reporting</c> section. Dashboards count from the status
/// tables that events keep current, so there is nothing to cache or warm (the former CacheSeconds, KeepSeconds and
/// WarmOnStart are gone).</summary>
public sealed class ReportingOptions
{
    public const string Section = "Reporting";
}
