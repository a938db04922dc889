namespace Training.Abstractions.Organisation;

/// <summary>Finds one person by staff code (the HR systems' key), without loading a whole subtree.</summary>
public interface IStaffLookup
{
    /// <summary>The person with this staff code (compared exactly), or null.</summary>
    Task<PersonInfo?> FindByStaffCodeAsync(string staffCode, CancellationToken ct = default);
}
