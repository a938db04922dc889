using System.Text;
using System.Text.RegularExpressions;

namespace Training.Courses.Media;

/// <summary>Checks a captions file is WebVTT a browser will show: UTF-8, the <c>WEBVTT</c> signature, at least one
/// cue, and every timing line well formed with its end after its start. Hand-written: no served package parses
/// WebVTT, and the check is a few rules of the W3C format. Errors name the line.</summary>
public static partial class WebVttValidator
{
    public static string? Validate(byte[] content)
    {
        if (content.Length == 0) return "Tệp phụ đề rỗng.";
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return "Tệp phụ đề không phải văn bản UTF-8.";
        }
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        if (!Signature().IsMatch(lines[0])) return "Tệp phụ đề không phải WebVTT: dòng đầu phải là «WEBVTT».";
        var cues = 0;
        for (var i = 1; i < lines.Length; i++)
        {
            if (!lines[i].Contains("-->", StringComparison.Ordinal)) continue;
            var m = Timing().Match(lines[i]);
            if (!m.Success) return $"Dòng {i + 1} của tệp phụ đề: thời điểm không đúng dạng «00:00:01.000 --> 00:00:04.000».";
            if (Seconds(m.Groups["end"].Value) <= Seconds(m.Groups["start"].Value)) return $"Dòng {i + 1} của tệp phụ đề: thời điểm kết thúc phải sau thời điểm bắt đầu.";
            cues++;
        }
        return cues == 0 ? "Tệp phụ đề không có câu phụ đề nào." : null;
    }

    private static double Seconds(string time)
    {
        var parts = time.Split(':');
        double total = 0;
        foreach (var p in parts) total = total * 60 + double.Parse(p, System.Globalization.CultureInfo.InvariantCulture);
        return total;
    }

    [GeneratedRegex(@"^WEBVTT([ \t].*)?$")]
    private static partial Regex Signature();

    [GeneratedRegex(@"^(?<start>(\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3})[ \t]+-->[ \t]+(?<end>(\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3})([ \t].*)?$")]
    private static partial Regex Timing();
}
