namespace Training.Platform.Pdf;

/// <summary>Breaks text into lines at spaces, measuring with HarfBuzz's advances (the same the lines are drawn with).</summary>
public static class TextWrap
{
    /// <summary>Lines no wider than <paramref name="maxWidth"/> (a single word wider than that stays on its own line);
    /// '\n' forces a break.</summary>
    public static List<string> Lines(PdfFace face, string text, float size, float maxWidth)
    {
        var lines = new List<string>();
        var space = face.Shape(" ", size).Width;
        foreach (var paragraph in text.Split('\n'))
        {
            var line = new List<string>();
            var width = 0f;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var w = face.Shape(word, size).Width;
                if (line.Count > 0 && width + space + w > maxWidth)
                {
                    lines.Add(string.Join(' ', line));
                    line.Clear();
                    width = 0;
                }
                width += (line.Count > 0 ? space : 0) + w;
                line.Add(word);
            }
            lines.Add(string.Join(' ', line));
        }
        return lines;
    }
}
