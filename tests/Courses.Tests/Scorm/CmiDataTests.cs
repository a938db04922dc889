using Training.Courses.Scorm.Data;
using Training.Courses.Scorm.Runtime;

namespace Training.Courses.Tests.Scorm;

public sealed class CmiDataTests
{
    private static CmiData New(ScormVersion version, Dictionary<string, string>? fixedValues = null) => new(version, [], fixedValues);

    [Fact]
    public void Scorm12StoresStatusScoreAndSuspendDataAndReadsThemBack()
    {
        var cmi = New(ScormVersion.Scorm12);

        Assert.Equal(0, cmi.Set("cmi.core.lesson_status", "passed"));
        Assert.Equal(0, cmi.Set("cmi.core.score.raw", "85.5"));
        Assert.Equal(0, cmi.Set("cmi.suspend_data", "trang=3"));
        Assert.Equal(0, cmi.Set("cmi.core.session_time", "0001:02:03.5"));

        Assert.Equal(("passed", 0), cmi.Get("cmi.core.lesson_status"));
        Assert.Equal(("85.5", 0), cmi.Get("cmi.core.score.raw"));
        Assert.Equal(("trang=3", 0), cmi.Get("cmi.suspend_data"));
    }

    [Theory]
    [InlineData("cmi.core.lesson_status", "not attempted", 405)]
    [InlineData("cmi.core.lesson_status", "done", 405)]
    [InlineData("cmi.core.score.raw", "101", 405)]
    [InlineData("cmi.core.score.raw", "abc", 405)]
    [InlineData("cmi.core.session_time", "PT1M", 405)]
    [InlineData("cmi.core.student_name", "X", 403)]
    [InlineData("cmi.core._children", "x", 402)]
    [InlineData("cmi.core.nothing", "x", 401)]
    [InlineData("cmi.interactions.1.id", "q1", 201)]
    public void Scorm12RefusesInvalidSetsWithItsErrorCodes(string element, string value, int code) =>
        Assert.Equal(code, New(ScormVersion.Scorm12).Set(element, value));

    [Fact]
    public void Scorm12RefusesSuspendDataOverItsLimit() =>
        Assert.NotEqual(0, New(ScormVersion.Scorm12).Set("cmi.suspend_data", new string('x', 4097)));

    [Fact]
    public void Scorm12WriteOnlyAndKeywordsAnswerAsTheBookSays()
    {
        var cmi = New(ScormVersion.Scorm12, new() { ["cmi.core.student_name"] = "Nguyễn Văn A" });

        Assert.Equal(("", 404), cmi.Get("cmi.core.exit"));
        Assert.Equal(("Nguyễn Văn A", 0), cmi.Get("cmi.core.student_name"));
        Assert.Equal(("not attempted", 0), cmi.Get("cmi.core.lesson_status"));
        Assert.Equal(("raw,min,max", 0), cmi.Get("cmi.core.score._children"));
        Assert.Equal(202, cmi.Get("cmi.core.lesson_status._children").Error);
        Assert.Equal(203, cmi.Get("cmi.core._count").Error);
    }

    [Fact]
    public void Scorm2004ValidatesVocabulariesRangesAndFormats()
    {
        var cmi = New(ScormVersion.Scorm2004);

        Assert.Equal(0, cmi.Set("cmi.completion_status", "completed"));
        Assert.Equal(406, cmi.Set("cmi.completion_status", "passed"));
        Assert.Equal(0, cmi.Set("cmi.score.scaled", "-0.5"));
        Assert.Equal(407, cmi.Set("cmi.score.scaled", "1.5"));
        Assert.Equal(406, cmi.Set("cmi.score.raw", "1e3"));
        Assert.Equal(0, cmi.Set("cmi.session_time", "PT1H2M3.25S"));
        Assert.Equal(406, cmi.Set("cmi.session_time", "PT"));
        Assert.Equal(406, cmi.Set("cmi.session_time", "01:02:03"));
        Assert.Equal(404, cmi.Set("cmi.learner_id", "x"));
        Assert.Equal(404, cmi.Set("cmi._version", "2"));
        Assert.Equal(401, cmi.Set("cmi.core.lesson_status", "passed"));
        Assert.Equal(407, cmi.Set("cmi.location", new string('x', 1001)));
        Assert.Equal(0, cmi.Set("adl.nav.request", "continue"));
        Assert.Equal(406, cmi.Set("adl.nav.request", "jump"));
    }

    [Fact]
    public void Scorm2004AnswersNotInitialisedAndWriteOnly()
    {
        var cmi = New(ScormVersion.Scorm2004);

        Assert.Equal(("", 403), cmi.Get("cmi.location"));
        Assert.Equal(("unknown", 0), cmi.Get("cmi.success_status"));
        Assert.Equal(("", 405), cmi.Get("cmi.session_time"));
        Assert.Equal(("1.0", 0), cmi.Get("cmi._version"));
        Assert.Equal(("", 401), cmi.Get("cmi.nothing"));
    }

    [Fact]
    public void Scorm2004InteractionsNeedTheirIdFirstAndGrowInOrder()
    {
        var cmi = New(ScormVersion.Scorm2004);

        Assert.Equal(("0", 0), cmi.Get("cmi.interactions._count"));
        Assert.Equal(408, cmi.Set("cmi.interactions.0.type", "choice"));
        Assert.Equal(351, cmi.Set("cmi.interactions.1.id", "q2"));
        Assert.Equal(0, cmi.Set("cmi.interactions.0.id", "urn:q1"));
        Assert.Equal(0, cmi.Set("cmi.interactions.0.type", "choice"));
        Assert.Equal(0, cmi.Set("cmi.interactions.0.result", "0.5"));
        Assert.Equal(406, cmi.Set("cmi.interactions.0.result", "wrong"));
        Assert.Equal(0, cmi.Set("cmi.interactions.0.correct_responses.0.pattern", "a"));
        Assert.Equal(("1", 0), cmi.Get("cmi.interactions._count"));
        Assert.Equal(("1", 0), cmi.Get("cmi.interactions.0.correct_responses._count"));
        Assert.Equal(301, cmi.Get("cmi.interactions.5.id").Error);
    }

    [Theory]
    [InlineData("0000:01:30", 90)]
    [InlineData("PT1M30S", 90)]
    [InlineData("PT1H0.5S", 3600.5)]
    [InlineData("P1DT1S", 86401)]
    public void SessionTimesOfBothEditionsBecomeSeconds(string value, double seconds) =>
        Assert.Equal((decimal)seconds, ScormTime.ParseSeconds(value));
}
