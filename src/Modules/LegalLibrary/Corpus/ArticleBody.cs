using System.Text.RegularExpressions;

namespace Training.LegalLibrary.Corpus;

/// <summary>The clause (khoản) and point (điểm) structure of an article body, parsed from its lines:
/// <c>1. ...</c> starts clause 1, <c>a) ...</c> starts point a of the current clause, <c>- ...</c> is a bullet.
/// Anchors: <c>khoan-2</c>, <c>khoan-2-diem-a</c> (a point outside any clause: <c>diem-a</c>).</summary>
public static partial class ArticleBody
{
    public sealed record Point(string Letter, string Anchor, List<string> Paragraphs);

    public sealed record Clause(string Number, string Anchor, List<string> Paragraphs, List<Point> Points);

    public sealed record Structure(List<string> Intro, List<Clause> Clauses, List<Point> LoosePoints);

    [GeneratedRegex(@"^(\d{1,3})\.\s+\S")]
    private static partial Regex ClauseStart();

    [GeneratedRegex(@"^([a-zđ])\)\s*\S")]
    private static partial Regex PointStart();

    public static bool IsClauseStart(string line) => ClauseStart().IsMatch(line);

    public static Structure Parse(string body)
    {
        var s = new Structure([], [], []);
        Clause? clause = null;
        Point? point = null;
        foreach (var raw in body.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var c = ClauseStart().Match(line);
            if (c.Success)
            {
                clause = new Clause(c.Groups[1].Value, $"khoan-{c.Groups[1].Value}", [line], []);
                s.Clauses.Add(clause);
                point = null;
                continue;
            }
            var p = PointStart().Match(line);
            if (p.Success)
            {
                var letter = p.Groups[1].Value;
                var anchor = clause is null ? $"diem-{Slug(letter)}" : $"{clause.Anchor}-diem-{Slug(letter)}";
                point = new Point(letter, anchor, [line]);
                (clause?.Points ?? s.LoosePoints).Add(point);
                continue;
            }
            if (point is not null) point.Paragraphs.Add(line);
            else if (clause is not null) clause.Paragraphs.Add(line);
            else s.Intro.Add(line);
        }
        return s;
    }

    /// <summary>Point letters in anchors: đ becomes dd so that it differs from d.</summary>
    public static string Slug(string letter) => letter == "đ" ? "dd" : letter;
}
