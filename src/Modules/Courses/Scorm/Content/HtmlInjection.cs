using System.Text;

namespace Training.Courses.Scorm.Content;

/// <summary>Puts the runtime's <c>&lt;script&gt;</c> first in a served HTML page (right after <c>&lt;head&gt;</c>, or
/// <c>&lt;html&gt;</c>, or at the top), so <c>window.API</c> exists before the SCO's own scripts look for it. Works
/// on bytes: the tag is ASCII, and the page's encoding is left as it is.</summary>
internal static class HtmlInjection
{
    public static byte[] Inject(byte[] html, string scriptUrl)
    {
        var tag = Encoding.ASCII.GetBytes($"<script src=\"{scriptUrl}\"></script>");
        var at = AfterTag(html, "<head") ?? AfterTag(html, "<html") ?? SkipBom(html);
        var result = new byte[html.Length + tag.Length];
        html.AsSpan(0, at).CopyTo(result);
        tag.CopyTo(result.AsSpan(at));
        html.AsSpan(at).CopyTo(result.AsSpan(at + tag.Length));
        return result;
    }

    private static int SkipBom(byte[] html) => html.Length >= 3 && html[0] == 0xEF && html[1] == 0xBB && html[2] == 0xBF ? 3 : 0;

    private static int? AfterTag(byte[] html, string name)
    {
        var limit = Math.Min(html.Length, 64 * 1024);
        for (var i = 0; i + name.Length < limit; i++)
        {
            var match = true;
            for (var j = 0; j < name.Length && match; j++) match = char.ToLowerInvariant((char)html[i + j]) == name[j];
            if (!match) continue;
            var next = html[i + name.Length];
            if (next is not ((byte)'>' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) continue;
            var close = Array.IndexOf(html, (byte)'>', i);
            return close < 0 ? null : close + 1;
        }
        return null;
    }
}
