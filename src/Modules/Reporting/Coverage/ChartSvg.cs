using System.Globalization;
using System.Net;
using System.Text;
using Training.Reporting.Data;

namespace Training.Reporting.Coverage;

/// <summary>Coverage over time against the milestone levels, drawn as inline SVG on the server (no script, no style
/// attribute: only presentation attributes, which the CSP allows). A data table beside it carries the same figures.</summary>
public static class ChartSvg
{
    private const int Width = 640, Height = 280, Left = 44, Right = 16, Top = 16, Bottom = 40;

    public static string Render(IReadOnlyList<CoveragePoint> trend, IReadOnlyList<Milestone> milestones, string title)
    {
        var c = CultureInfo.InvariantCulture;
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        double X(int i) => Left + (trend.Count <= 1 ? plotW / 2.0 : plotW * i / (double)(trend.Count - 1));
        double Y(decimal percent) => Top + plotH * (1 - (double)percent / 100.0);
        var svg = new StringBuilder();
        svg.Append(c, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" role=\"img\" aria-labelledby=\"chart-title\" class=\"coverage-chart\">");
        svg.Append("<title id=\"chart-title\">").Append(WebUtility.HtmlEncode(title)).Append("</title>");
        svg.Append(c, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{plotW}\" height=\"{plotH}\" fill=\"#ffffff\" stroke=\"#c9ced6\"/>");
        foreach (var tick in new[] { 0, 25, 50, 75, 100 })
        {
            var y = Y(tick);
            svg.Append(c, $"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Width - Right}\" y2=\"{y:0.#}\" stroke=\"#e6e9ee\"/>");
            svg.Append(c, $"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"11\" fill=\"#4a5260\">{tick}%</text>");
        }
        foreach (var m in milestones)
        {
            var y = Y(m.Percent);
            svg.Append(c, $"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Width - Right}\" y2=\"{y:0.#}\" stroke=\"#b3261e\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>");
            var label = $"Mốc {m.DueOn:dd/MM/yyyy}: {(m.Strict ? "trên " : "")}{m.Percent.ToString("0.#", c)}%";
            svg.Append(c, $"<text x=\"{Width - Right - 4}\" y=\"{y - 4:0.#}\" text-anchor=\"end\" font-size=\"11\" fill=\"#b3261e\">{WebUtility.HtmlEncode(label)}</text>");
        }
        for (var i = 0; i < trend.Count; i++)
        {
            if (i % 2 != 0 && i != trend.Count - 1) continue;
            svg.Append(c, $"<text x=\"{X(i):0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\" font-size=\"10\" fill=\"#4a5260\">{trend[i].On:MM/yy}</text>");
        }
        // An empty population has no share: no point is drawn for it.
        var drawn = trend.Select((p, i) => (Index: i, p.Percent)).Where(p => p.Percent is not null).Select(p => (p.Index, Percent: p.Percent!.Value)).ToList();
        if (drawn.Count > 0)
        {
            var points = string.Join(' ', drawn.Select(p => string.Create(c, $"{X(p.Index):0.#},{Y(p.Percent):0.#}")));
            svg.Append(c, $"<polyline points=\"{points}\" fill=\"none\" stroke=\"#0b5cad\" stroke-width=\"2.5\"/>");
            foreach (var p in drawn)
                svg.Append(c, $"<circle cx=\"{X(p.Index):0.#}\" cy=\"{Y(p.Percent):0.#}\" r=\"3\" fill=\"#0b5cad\"/>");
        }
        svg.Append(c, $"<text x=\"{Left}\" y=\"{Height - 6}\" font-size=\"11\" fill=\"#0b5cad\">— Độ bao phủ</text>");
        if (milestones.Count > 0)
            svg.Append(c, $"<text x=\"{Left + 120}\" y=\"{Height - 6}\" font-size=\"11\" fill=\"#b3261e\">- - Mốc chỉ tiêu</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }
}
