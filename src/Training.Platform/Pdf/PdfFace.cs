using System.Runtime.InteropServices;
using System.Text;
using HarfBuzzSharp;
using SkiaSharp;
using HbBuffer = HarfBuzzSharp.Buffer;

namespace Training.Platform.Pdf;

/// <summary>One font as both Skia draws it and HarfBuzz shapes it, made from the same bytes (a subset), so the glyph ids
/// HarfBuzz returns are the ids Skia embeds. Shaping is thread-safe: HarfBuzz fonts are immutable once created.</summary>
public sealed class PdfFace : IDisposable
{
    private static readonly Language Vietnamese = new("vi");
    private readonly Blob _blob;
    private readonly Face _face;
    private readonly HarfBuzzSharp.Font _font;
    private readonly float _unitsPerEm;

    public PdfFace(byte[] data)
    {
        Typeface = SKTypeface.FromData(SKData.CreateCopy(data)) ?? throw new InvalidOperationException("Skia cannot read the font.");
        // Native memory, not Blob.FromStream: that one hands HarfBuzz a pointer into a managed array it pins only while
        // constructing, so the garbage collector may move the font under HarfBuzz's feet (wrong glyphs after a compaction).
        var native = Marshal.AllocHGlobal(data.Length);
        Marshal.Copy(data, 0, native, data.Length);
        _blob = new Blob(native, data.Length, MemoryMode.ReadOnly, () => Marshal.FreeHGlobal(native));
        _blob.MakeImmutable();
        _face = new Face(_blob, 0);
        _face.MakeImmutable();
        _font = new HarfBuzzSharp.Font(_face);
        _font.SetFunctionsOpenType();
        _unitsPerEm = _face.UnitsPerEm;
        _font.SetScale(_face.UnitsPerEm, _face.UnitsPerEm);
    }

    public SKTypeface Typeface { get; }

    /// <summary>Shapes one line of text (NFC, left to right) at <paramref name="size"/> points.</summary>
    public ShapedText Shape(string text, float size)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        using var buffer = new HbBuffer();
        buffer.AddUtf8(utf8);
        buffer.Direction = Direction.LeftToRight;
        buffer.Script = Script.Latin;
        buffer.Language = Vietnamese;
        _font.Shape(buffer);
        var infos = buffer.GetGlyphInfoSpan();
        var positions = buffer.GetGlyphPositionSpan();
        var scale = size / _unitsPerEm;
        var glyphs = new ushort[infos.Length];
        var points = new SKPoint[infos.Length];
        var clusters = new uint[infos.Length];
        var pen = 0f;
        for (var i = 0; i < infos.Length; i++)
        {
            glyphs[i] = (ushort)infos[i].Codepoint;
            clusters[i] = infos[i].Cluster;
            // HarfBuzz's y axis points up, Skia's down.
            points[i] = new SKPoint(pen + positions[i].XOffset * scale, -positions[i].YOffset * scale);
            pen += positions[i].XAdvance * scale;
        }
        return new ShapedText(this, size, glyphs, points, clusters, utf8, pen);
    }

    public void Dispose()
    {
        _font.Dispose();
        _face.Dispose();
        _blob.Dispose();
        Typeface.Dispose();
    }
}
