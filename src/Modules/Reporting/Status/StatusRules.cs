using Training.Abstractions.Certificates;
using Training.Abstractions.Organisation;

namespace Training.Reporting.Status;

/// <summary>The status rows of one person, derived from their roster entry and certificate history. The backfill and
/// every event handler go through these two functions, so rebuilding the table gives what the events built.</summary>
public static class StatusRules
{
    /// <summary>The person's posts; none when the person is inactive (null).</summary>
    public static IEnumerable<StaffMember> Staff(PersonInfo? person, DateTimeOffset now)
    {
        if (person is null) yield break;
        var units = person.UnitIds.Distinct().ToList();
        foreach (var unit in units)
            yield return new StaffMember { UserId = person.UserId, UnitId = unit, Category = person.StaffCategory, Posts = units.Count, UpdatedAt = now };
    }

    /// <summary>One row per programme the person holds or held a certificate of; none when the person is inactive (null):
    /// an inactive person is in no population, so their certificates count nowhere.</summary>
    public static IEnumerable<PersonStatus> Statuses(PersonInfo? person, IEnumerable<CertificateFact> facts, DateTimeOffset now)
    {
        if (person is null) yield break;
        var units = person.UnitIds.Distinct().ToList();
        var unit = units.Count == 1 ? units[0] : person.PrimaryUnitId ?? units.FirstOrDefault() as Guid?;
        foreach (var programme in facts.Where(f => f.UserId == person.UserId).GroupBy(f => f.ProgrammeId))
        {
            var history = programme.ToList();
            var current = Current(history);
            yield return new PersonStatus
            {
                UserId = person.UserId, ProgrammeId = programme.Key, UnitId = unit, Category = person.StaffCategory, Posts = units.Count,
                ValidFrom = RunStart(current, history), ValidUntil = current.ExpiresOn, RevokedOn = current.RevokedOn,
                CertificateId = current.CertificateId, IssuedOn = current.IssuedOn, SerialNumber = current.SerialNumber,
                Certificates = history.Count, UpdatedAt = now,
            };
        }
    }

    /// <summary>The certificate the person holds now: the latest issued that no other replaced; on the same day, one not
    /// revoked; then the greater id, so every node and every replay picks the same one.</summary>
    public static CertificateFact Current(IReadOnlyList<CertificateFact> history) =>
        history.OrderByDescending(f => f.SupersededOn is null).ThenByDescending(f => f.IssuedOn).ThenByDescending(f => f.RevokedOn is null)
            .ThenByDescending(f => f.CertificateId).First();

    /// <summary>The first day of the unbroken run of validity that ends with <paramref name="current"/>: an earlier
    /// certificate valid up to (at least) the day before the run began extends it back to its own issue date.</summary>
    public static DateOnly RunStart(CertificateFact current, IReadOnlyList<CertificateFact> history)
    {
        var start = current.IssuedOn;
        for (var extended = true; extended;)
        {
            extended = false;
            foreach (var f in history)
            {
                if (f.IssuedOn >= start || LastValidDay(f) is { } last && (last < f.IssuedOn || last < start.AddDays(-1))) continue;
                start = f.IssuedOn;
                extended = true;
            }
        }
        return start;
    }

    /// <summary>The last day the certificate was valid on its own; null: no end.</summary>
    private static DateOnly? LastValidDay(CertificateFact f)
    {
        var revoked = f.RevokedOn?.AddDays(-1);
        if (revoked is null) return f.ExpiresOn;
        return f.ExpiresOn is { } e && e < revoked ? e : revoked;
    }
}
