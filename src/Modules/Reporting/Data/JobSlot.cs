namespace Training.Reporting.Data;

/// <summary>The last schedule slot a periodic job handled (e.g. the weekly digest's Monday 07:00), so a restart, or the
/// first start of a new site, can tell a slot that came due while the site was running from one that passed before
/// it ever ran.</summary>
public sealed class JobSlot
{
    public string Name { get; set; } = "";
    public DateTimeOffset Slot { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
