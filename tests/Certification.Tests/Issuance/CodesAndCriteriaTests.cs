using Training.Certification.Data;
using Training.Certification.Issuance;

namespace Training.Certification.Tests.Issuance;

public sealed class CodesAndCriteriaTests
{
    [Fact]
    public void VerificationCodeHas80RandomBitsInFourGroupsOfCrockfordBase32()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => VerificationCode.New()).ToList();
        Assert.All(codes, c => Assert.Matches("^[0-9A-HJKMNP-TV-Z]{16}$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", VerificationCode.Format(codes[0]));
        Assert.Equal("ZZZZZZZZZZZZZZZZ", VerificationCode.Encode(Enumerable.Repeat((byte)0xFF, 10).ToArray()));
        Assert.Equal("0000000000000000", VerificationCode.Encode(new byte[10]));
    }

    [Fact]
    public void TypedCodesAreForgivingAboutCaseDashesAndLookAlikes()
    {
        Assert.Equal("7KQ4M2XD9TBFH3WN", VerificationCode.Normalize(" 7kq4-m2xd 9tbf-h3wn "));
        Assert.Equal("0110000000000000", VerificationCode.Normalize("OIL0-0000-0000-0000"));
        Assert.Null(VerificationCode.Normalize("7KQ4-M2XD-9TBF"));
        Assert.Null(VerificationCode.Normalize("7KQ4-M2XD-9TBF-H3WU"));
        Assert.Null(VerificationCode.Normalize("<script>"));
    }

    [Fact]
    public void SerialNumberIsPerIssuerAndYearWithSixDigits()
    {
        Assert.Equal("SGDĐT-NB/2026/000123", SerialNumber.Format("SGDĐT-NB", 2026, 123));
        Assert.NotEqual(SerialNumber.CounterName("SGDĐT-NB", 2026), SerialNumber.CounterName("SGDĐT-NB", 2027));
    }

    private static Programme Programme(string codes, int? needed = null) =>
        new() { CourseCodes = codes, RequiredCount = needed, MinScore = 70m };

    private static CourseResult Result(string code, decimal score, int day = 1) =>
        new() { CourseCode = code, ScorePercent = score, CompletedAt = new DateTimeOffset(2026, 11, day, 8, 0, 0, TimeSpan.FromHours(7)) };

    [Fact]
    public void AllCoursesAreNeededUnlessTheProgrammeSaysAnyN()
    {
        var results = new[] { Result("A", 80), Result("B", 90) };
        Assert.False(CriteriaEvaluator.Evaluate(Programme("A;B;C"), results).Met);
        var anyTwo = CriteriaEvaluator.Evaluate(Programme("A;B;C", 2), results);
        Assert.True(anyTwo.Met);
        Assert.Equal(85m, anyTwo.AverageScore);
        Assert.Equal(["C"], anyTwo.MissingCodes);
    }

    [Fact]
    public void ScoresBelowTheMinimumAndCompletionsBeforeTheCycleDoNotCount()
    {
        Assert.False(CriteriaEvaluator.Evaluate(Programme("A"), [Result("A", 69.9m)]).Met);
        Assert.True(CriteriaEvaluator.Evaluate(Programme("A"), [Result("A", 69.9m), Result("a", 70m)]).Met);
        var cycleStart = new DateTimeOffset(2026, 11, 10, 0, 0, 0, TimeSpan.FromHours(7));
        Assert.False(CriteriaEvaluator.Evaluate(Programme("A"), [Result("A", 95, day: 5)], cycleStart).Met);
        Assert.True(CriteriaEvaluator.Evaluate(Programme("A"), [Result("A", 95, day: 12)], cycleStart).Met);
    }

    [Fact]
    public void StatusFollowsExpiryRevocationAndSupersession()
    {
        var c = new Certificate { IssuedOn = new(2026, 1, 1), ExpiresOn = new(2026, 12, 31) };
        Assert.Equal(CertificateStatus.Valid, c.StatusOn(new(2026, 12, 31)));
        Assert.Equal(CertificateStatus.Expired, c.StatusOn(new(2027, 1, 1)));
        c.SupersededById = Guid.NewGuid();
        Assert.Equal(CertificateStatus.Superseded, c.StatusOn(new(2026, 6, 1)));
        c.RevokedOn = new(2026, 6, 1);
        Assert.Equal(CertificateStatus.Revoked, c.StatusOn(new(2026, 6, 1)));
    }
}
