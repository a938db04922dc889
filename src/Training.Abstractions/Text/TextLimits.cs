namespace Training.Abstractions.Text;

/// <summary>Length limits every module applies to text from users, files and APIs (issue 10, item 4).
/// A value over its limit is refused with the field named; it is never truncated silently.</summary>
public static class TextLimits
{
    /// <summary>Names of people, units, courses, programmes, plans, documents.</summary>
    public const int Name = 200;

    /// <summary>Codes: staff codes, course codes, serials, document numbers.</summary>
    public const int Code = 64;

    /// <summary>E-mail addresses (RFC 5321 path limit).</summary>
    public const int Email = 254;

    /// <summary>One line of free text: positions, categories, reasons, titles of sections, search queries.</summary>
    public const int Line = 500;

    /// <summary>A paragraph of free text: descriptions, notes, survey answers.</summary>
    public const int Paragraph = 4000;

    /// <summary>A lesson or page body in Markdown.</summary>
    public const int Markdown = 200_000;

    /// <summary>Depth of the organisation tree, the root unit counting as level 1.</summary>
    public const int UnitDepth = 10;
}
