using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Text;
using Training.Courses.Markdown;
using Training.Courses.Seed;

namespace Training.Courses.Tests.Markdown;

public sealed class MarkdownLimitsTests
{
    private static string Repeat(string s, int n) => string.Concat(Enumerable.Repeat(s, n));

    public static TheoryData<string, string> TooDeep() => new()
    {
        { "quotes", new string('>', 20_000) + " x" },
        { "brackets", new string('[', 100_000) },
        { "brackets across lines", Repeat(new string('[', 31) + "x\n", 6_000) },
        { "lists", Repeat("- ", 20_000) + "x" },
        { "indented lists", string.Concat(Enumerable.Range(0, 300).Select(i => new string(' ', i * 2) + "- x\n")) },
        { "emphasis", new string('*', 1_000) + "x" + new string('*', 1_000) },
        { "spaced emphasis", Repeat("*a ", 10_000) + Repeat(" a*", 10_000) },
        { "mixed emphasis", Repeat("*_", 5_000) + "x" + Repeat("_*", 5_000) },
        { "html", Repeat("<div>", 40_000) },
        { "html spans", Repeat("<span>", 30_000) + "x" },
    };

    [Theory]
    [MemberData(nameof(TooDeep))]
    public async Task MarkdownNestedTooDeepIsRefusedWithAClearErrorInsteadOfAnException(string name, string markdown)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var rendered = await Renderers.Create(new ServiceCollection().BuildServiceProvider())
            .RenderAsync(markdown, forAuthor: true);

        Assert.NotNull(rendered.Error);
        Assert.StartsWith("Dòng ", rendered.Error);
        Assert.Equal("", rendered.Html);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{name} took {clock.Elapsed}");
    }

    [Fact]
    public void TextLongerThanTheLimitIsRefusedWithBothLengths()
    {
        var error = MarkdownLimits.Check(new string('a', TextLimits.Markdown + 1));
        Assert.Equal("Nội dung dài 200.001 ký tự, vượt giới hạn 200.000 ký tự.", error);
    }

    [Fact]
    public void NestingUpToTheLimitIsAccepted()
    {
        Assert.Null(MarkdownLimits.Check(new string('>', MarkdownLimits.MaxNesting) + " trích dẫn"));
        Assert.Null(MarkdownLimits.Check(Repeat("- ", MarkdownLimits.MaxNesting) + "mục"));
        Assert.Null(MarkdownLimits.Check(new string('[', MarkdownLimits.MaxNesting) + "x" + new string(']', MarkdownLimits.MaxNesting)));
        Assert.Null(MarkdownLimits.Check("***đậm nghiêng*** và **đậm** _nghiêng_ ~~gạch~~, snake_case_name, 2*3*4"));
        Assert.Null(MarkdownLimits.Check(Repeat("**đậm**, *nghiêng*; (~~gạch~~) \"_trích_\". ", 500)));
        Assert.Null(MarkdownLimits.Check(Repeat("<p>đoạn</p><br><img src=\"/a.png\"><hr/>\n", 1_000)));
        Assert.Null(MarkdownLimits.Check(Repeat("***\n\n", 1_000)));
    }

    [Fact]
    public void EverySeededLessonIsWithinTheLimits()
    {
        var files = CourseContent.LoadAll().SelectMany(c => c.Sections).SelectMany(s => s.Lessons).Select(l => l.File).ToList();
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.Null(MarkdownLimits.Check(CourseContent.ReadLesson(f))));
    }

    [Fact]
    public void TheLineOfTheProblemIsNamed()
    {
        Assert.Equal($"Dòng 3: trích dẫn (>) hoặc danh sách lồng nhau quá {MarkdownLimits.MaxNesting} cấp.",
            MarkdownLimits.Check("Mở đầu.\n\n" + new string('>', 40) + " x"));
    }
}
