using Training.Abstractions.Organisation;

namespace Training.Reporting.Coverage;

public enum PersonStatus
{
    Certified,
    Expiring,
    InProgress,
    NotStarted,
}

/// <summary>One person of a target's population with their status on a day.</summary>
public sealed record PersonRow(string UserId, string StaffCode, string FullName, string? UnitName, string? Category, string? Position,
    PersonStatus Status, DateOnly? ValidUntil, string? SerialNumber);

public static class PeopleList
{
    public const int ExpiringWithinDays = 60;

    /// <summary>People of the population with a membership in <paramref name="units"/>, each once, with their status:
    /// certified (expiring when the best valid certificate ends within 60 days), in progress, or not started.</summary>
    public static IEnumerable<PersonRow> Build(TargetData data, IReadOnlySet<Guid> units, DateOnly asOf, IReadOnlySet<string> inProgress)
    {
        var horizon = asOf.AddDays(ExpiringWithinDays);
        foreach (var person in data.People)
        {
            if (!person.UnitIds.Any(units.Contains)) continue;
            var best = data.Facts[person.UserId].Where(f => f.IsValidOn(asOf))
                .OrderByDescending(f => f.ExpiresOn ?? DateOnly.MaxValue).FirstOrDefault();
            var status = best is not null
                ? best.ExpiresOn is { } end && end <= horizon ? PersonStatus.Expiring : PersonStatus.Certified
                : inProgress.Contains(person.UserId) ? PersonStatus.InProgress : PersonStatus.NotStarted;
            yield return new PersonRow(person.UserId, person.StaffCode, person.FullName, person.PrimaryUnitName, person.StaffCategory,
                person.Position, status, best?.ExpiresOn, best?.SerialNumber);
        }
    }

    public static string Label(PersonStatus status) => status switch
    {
        PersonStatus.Certified => "Đã có chứng chỉ",
        PersonStatus.Expiring => "Sắp hết hạn (60 ngày)",
        PersonStatus.InProgress => "Đang học",
        _ => "Chưa bắt đầu",
    };
}
