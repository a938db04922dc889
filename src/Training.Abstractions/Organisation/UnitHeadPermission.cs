namespace Training.Abstractions.Organisation;

/// <summary>The permission a unit head holds while they head a unit. It is not granted to a role: the sign-in adds it to
/// the principal of a person who heads a unit (by position or explicit assignment), so the menu shows "Đơn vị của tôi"
/// to heads only. Pages that use it still check the headship at request time (the claim may be older than a change).</summary>
public static class UnitHeadPermission
{
    public const string Name = "Organisation.HeadUnits";
}
