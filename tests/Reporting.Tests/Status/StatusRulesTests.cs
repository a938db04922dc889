using Training.Abstractions.Certificates;
using Training.Abstractions.Organisation;
using Training.Reporting.Status;

namespace Training.Reporting.Tests.Status;

/// <summary>How a person's certificate history becomes their status row.</summary>
public sealed class StatusRulesTests
{
    private static readonly Guid Programme = Guid.NewGuid();
    private static readonly Guid Unit = Guid.NewGuid();
    private static readonly PersonInfo Person = new("u1", "Người Một", "CB1", null, Unit, "Trường", null, "giáo viên", [Unit]);

    private static CertificateFact Fact(DateOnly issued, DateOnly? expires, DateOnly? revoked = null, DateOnly? superseded = null, string serial = "S") =>
        new(Guid.NewGuid(), "u1", Programme, issued, expires, revoked, superseded, serial, "V");

    [Fact]
    public void ARecertificationBeforeExpiryContinuesTheRunAndItsExpiryEndsIt()
    {
        var cycle1 = Fact(new(2022, 1, 10), new(2024, 1, 10));
        var cycle2 = Fact(new(2023, 12, 1), new(2025, 12, 1), serial: "S2");

        var row = Assert.Single(StatusRules.Statuses(Person, [cycle2, cycle1], DateTimeOffset.UnixEpoch));

        Assert.Equal(cycle2.CertificateId, row.CertificateId);
        Assert.Equal(new DateOnly(2022, 1, 10), row.ValidFrom);
        Assert.Equal(new DateOnly(2025, 12, 1), row.ValidUntil);
        Assert.True(row.IsValidOn(new(2023, 6, 1)));
        Assert.True(row.IsValidOn(new(2025, 12, 1)));
        Assert.False(row.IsValidOn(new(2025, 12, 2)));
    }

    [Fact]
    public void ARecertificationAfterAGapStartsANewRun()
    {
        var cycle1 = Fact(new(2020, 1, 10), new(2022, 1, 10));
        var cycle2 = Fact(new(2023, 3, 1), new(2025, 3, 1));

        var row = Assert.Single(StatusRules.Statuses(Person, [cycle1, cycle2], DateTimeOffset.UnixEpoch));

        Assert.Equal(new DateOnly(2023, 3, 1), row.ValidFrom);
        Assert.False(row.IsValidOn(new(2022, 6, 1)));
    }

    [Fact]
    public void ARevokedCurrentCertificateEndsTheRunTheDayBeforeItsRevocation()
    {
        var only = Fact(new(2025, 1, 1), new(2027, 1, 1), revoked: new(2026, 11, 22));

        var row = Assert.Single(StatusRules.Statuses(Person, [only], DateTimeOffset.UnixEpoch));

        Assert.True(row.IsValidOn(new(2026, 11, 21)));
        Assert.False(row.IsValidOn(new(2026, 11, 22)));
    }

    [Fact]
    public void TheReplacementOfAReissueIsCurrentWhateverOrderTheHistoryComesIn()
    {
        var replaced = Fact(new(2025, 1, 1), new(2027, 1, 1), superseded: new(2025, 6, 1));
        var replacement = Fact(new(2025, 6, 1), new(2027, 1, 1), serial: "S2");

        var a = Assert.Single(StatusRules.Statuses(Person, [replaced, replacement], DateTimeOffset.UnixEpoch));
        var b = Assert.Single(StatusRules.Statuses(Person, [replacement, replaced], DateTimeOffset.UnixEpoch));

        Assert.Equal(replacement.CertificateId, a.CertificateId);
        Assert.True(a.SameAs(b));
        Assert.Equal(new DateOnly(2025, 1, 1), a.ValidFrom);
    }

    [Fact]
    public void AnInactivePersonHasNoRows()
    {
        Assert.Empty(StatusRules.Statuses(null, [Fact(new(2025, 1, 1), null)], DateTimeOffset.UnixEpoch));
        Assert.Empty(StatusRules.Staff(null, DateTimeOffset.UnixEpoch));
    }
}
