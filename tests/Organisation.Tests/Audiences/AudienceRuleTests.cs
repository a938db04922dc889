using Training.Organisation.Audiences;

namespace Training.Organisation.Tests.Audiences;

/// <summary>Issue 11, item 3: an audience rule picks people by unit subtree, staff category, position and joining date,
/// and says why someone no longer matches.</summary>
public sealed class AudienceRuleTests
{
    private static readonly Guid School = Guid.NewGuid();
    private static readonly Guid Other = Guid.NewGuid();
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static RosterPerson Person(string? category = "giáo viên", string? position = "Giáo viên", int joinedDaysAgo = 400, bool active = true,
        Guid? unit = null) => new("u1", category, position, Today.AddDays(-joinedDaysAgo), active, [unit ?? School]);

    [Fact]
    public void APersonOfTheSubtreeWithAListedCategoryMatchesWhateverTheCaseAndSpaces()
    {
        var rule = new AudienceRule(new HashSet<Guid> { School }, [" Giáo Viên "], [], null);

        Assert.Null(rule.WhyNot(Person(), Today));
        Assert.True(rule.Matches(Person(category: "GIÁO VIÊN"), Today));
    }

    [Fact]
    public void APersonOutsideTheSubtreeDoesNotMatchAndTheReasonSaysSo()
    {
        var rule = new AudienceRule(new HashSet<Guid> { School }, [], [], null);

        Assert.Equal("Không còn thuộc đơn vị của nhóm đối tượng", rule.WhyNot(Person(unit: Other), Today));
    }

    [Fact]
    public void AChangedCategoryOrPositionIsNamedInTheReason()
    {
        var rule = new AudienceRule(new HashSet<Guid> { School }, ["giáo viên"], ["Tổ trưởng chuyên môn"], null);

        Assert.Equal("Loại cán bộ đã đổi thành «nhân viên»", rule.WhyNot(Person(category: "nhân viên", position: "Tổ trưởng chuyên môn"), Today));
        Assert.Equal("Chức vụ đã đổi thành «Giáo viên»", rule.WhyNot(Person(), Today));
        Assert.Null(rule.WhyNot(Person(position: "tổ trưởng chuyên môn"), Today));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(30, true)]
    [InlineData(31, false)]
    public void JoinedWithinDaysCountsFromToday(int daysAgo, bool matches)
    {
        var rule = new AudienceRule(new HashSet<Guid> { School }, [], [], 30);

        Assert.Equal(matches, rule.Matches(Person(joinedDaysAgo: daysAgo), Today));
    }

    [Fact]
    public void AnInactivePersonNeverMatches()
    {
        var rule = new AudienceRule(new HashSet<Guid> { School }, [], [], null);

        Assert.Equal("Ngừng hoạt động trong danh sách cán bộ", rule.WhyNot(Person(active: false), Today));
    }

    [Fact]
    public void TheFormRefusesUnitsOutsideTheScopeOverlongValuesAndAMissingStart()
    {
        var scope = new Abstractions.Organisation.UnitScope(false, School, new HashSet<Guid> { School });
        var form = new AudienceForm
        {
            Name = new string('a', 201), UnitIds = [Other], Categories = "giáo viên\n" + new string('b', 501), JoinedWithinDays = 0,
        };

        var errors = form.Validate(scope);

        Assert.Equal(
        [
            "Tên nhóm: dài 201 ký tự, tối đa 200.", "Đơn vị: có đơn vị nằm ngoài phạm vi quản lý của bạn.",
            "Loại cán bộ, dòng 2: dài 501 ký tự, tối đa 500.", "Vào làm trong vòng (ngày): từ 1 đến 3650, hoặc để trống.",
            "Ngày bắt đầu: bắt buộc (dd/MM/yyyy).",
        ], errors);
    }
}
