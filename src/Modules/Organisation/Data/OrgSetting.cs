namespace Training.Organisation.Data;

/// <summary>A site-wide setting that administrators change while the site runs (e.g. local passwords off).</summary>
public sealed class OrgSetting
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}
