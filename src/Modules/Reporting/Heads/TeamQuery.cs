using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Training.Abstractions.Certificates;
using Training.Abstractions.Learning;
using Training.Abstractions.Organisation;
using Training.Reporting.Reminders;

namespace Training.Reporting.Heads;

/// <summary>The people of unit subtrees with their learning and certificates, for a unit head's page and the digests.
/// The ledger and learning progress are optional services: without them the counts are zero.</summary>
public sealed class TeamQuery(IOrgDirectory directory, IServiceProvider services, IOptions<ReminderOptions> options)
{
    // The digest asks for many heads in one scope: the ledger is read once per day asked.
    private readonly Dictionary<DateOnly, List<CertificateFact>> _best = [];

    /// <summary>Each person with a membership in one of the subtrees, once, ordered by unit then staff code.</summary>
    public async Task<List<TeamRow>> PeopleAsync(IEnumerable<Guid> roots, DateOnly asOf, CancellationToken ct = default)
    {
        var people = new Dictionary<string, PersonInfo>(StringComparer.Ordinal);
        foreach (var root in roots)
            foreach (var p in await directory.GetPeopleAsync(new PeopleQuery(root), ct)) people.TryAdd(p.UserId, p);
        if (people.Count == 0) return [];

        var progress = services.GetService<ILearnerProgress>() is { } learning
            ? await learning.GetProgressAsync(people.Keys.ToList(), asOf, ct)
            : new Dictionary<string, LearnerProgress>();
        var certificates = await CertificatesAsync(people.Keys.ToHashSet(StringComparer.Ordinal), asOf, ct);
        return people.Values.Select(p =>
            {
                var l = progress.GetValueOrDefault(p.UserId);
                var c = certificates.GetValueOrDefault(p.UserId);
                return new TeamRow(p, l?.Assigned ?? 0, l?.InProgress ?? 0, l?.Overdue ?? 0, l?.OldestOverdueOn,
                    c?.Certified ?? 0, c?.Expiring ?? 0, c?.NextExpiry);
            })
            .OrderBy(r => r.Person.PrimaryUnitName, StringComparer.Ordinal).ThenBy(r => r.Person.StaffCode, StringComparer.Ordinal).ToList();
    }

    private sealed record CertificateCounts(int Certified, int Expiring, DateOnly? NextExpiry);

    /// <summary>Per person: programmes with a certificate valid on the day, and those whose longest valid certificate ends
    /// within the reminders' horizon (a renewal that lasts longer silences it, as in the reminder scan).</summary>
    private async Task<Dictionary<string, CertificateCounts>> CertificatesAsync(IReadOnlySet<string> people, DateOnly asOf, CancellationToken ct)
    {
        var horizon = asOf.AddDays(options.Value.ExpiringWithinDays);
        return (await BestValidAsync(asOf, ct)).Where(f => people.Contains(f.UserId))
            .GroupBy(f => f.UserId)
            .ToDictionary(g => g.Key, g =>
            {
                var expiring = g.Where(f => f.ExpiresOn is { } end && end <= horizon).ToList();
                return new CertificateCounts(g.Count(), expiring.Count, expiring.Count == 0 ? null : expiring.Min(f => f.ExpiresOn));
            }, StringComparer.Ordinal);
    }

    /// <summary>Per person and programme, the valid certificate that lasts longest.</summary>
    private async Task<List<CertificateFact>> BestValidAsync(DateOnly asOf, CancellationToken ct)
    {
        if (_best.TryGetValue(asOf, out var cached)) return cached;
        var best = new List<CertificateFact>();
        if (services.GetService<ICertificateLedger>() is { } ledger && await ledger.GetProgrammesAsync(ct) is { Count: > 0 } programmes)
        {
            var facts = await ledger.GetFactsAsync(programmes.Select(p => p.Id).ToList(), ct);
            best = facts.Where(f => f.IsValidOn(asOf)).GroupBy(f => (f.UserId, f.ProgrammeId))
                .Select(g => g.OrderByDescending(f => f.ExpiresOn ?? DateOnly.MaxValue).First()).ToList();
        }
        return _best[asOf] = best;
    }
}
