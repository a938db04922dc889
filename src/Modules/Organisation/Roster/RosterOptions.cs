namespace Training.Organisation.Roster;

/// <summary>Settings of the roster import, section <c>Organisation:Roster</c>.</summary>
public sealed class RosterOptions
{
    public const string Section = "Organisation:Roster";

    /// <summary>Largest roster file accepted (page, API, CLI), in bytes. 30,000 staff take about 4 MB.</summary>
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;
}
