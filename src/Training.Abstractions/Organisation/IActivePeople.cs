namespace Training.Abstractions.Organisation;

/// <summary>Which of given people are active members of staff, with their posts (implemented by the Organisation
/// module). A module that mirrors the roster refreshes the people a change named with it: a person missing from the
/// answer left the roster or was deactivated.</summary>
public interface IActivePeople
{
    /// <summary>The active people among <paramref name="userIds"/>; inactive and unknown ids are left out.</summary>
    Task<IReadOnlyList<PersonInfo>> GetActivePeopleAsync(IReadOnlyCollection<string> userIds, CancellationToken ct = default);
}
