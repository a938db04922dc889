using System.Collections.Concurrent;
using System.Security.Cryptography;
using SkiaSharp;

namespace Training.Platform.Pdf;

/// <summary>Decoded images (seals, signatures, logos) by content hash, so a PNG drawn on thousands of documents is decoded
/// once. Bounded: past <see cref="Capacity"/> entries the cache starts over. Thread-safe.</summary>
public sealed class PdfImages : IDisposable
{
    private const int Capacity = 64;
    private readonly ConcurrentDictionary<string, SKImage> _images = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SKColor> _inks = new(StringComparer.Ordinal);

    /// <summary>The decoded image, or null when the bytes are not an image Skia can read.</summary>
    public SKImage? Get(byte[] encoded)
    {
        var key = Convert.ToHexString(SHA256.HashData(encoded));
        if (_images.TryGetValue(key, out var image)) return image;
        // Raster-backed, so drawing it never decodes again.
        using var decoded = SKImage.FromEncodedData(encoded);
        image = decoded?.ToRasterImage(ensurePixelData: true);
        if (image is null) return null;
        // Replaced entries stay alive for documents still drawing them; the garbage collector frees them.
        if (_images.Count >= Capacity) _images.Clear();
        return _images.GetOrAdd(key, image);
    }

    /// <summary>An ink image (one colour over transparency, such as a seal or a signature) as an alpha-only image and its
    /// colour. Drawn with the colour as paint, it goes into a PDF as one grey soft mask filled with a flat colour: about a
    /// third of the bytes of a colour image with its mask, and no colour fringes from premultiplied edges.</summary>
    public (SKImage Mask, SKColor Ink)? GetInk(byte[] encoded)
    {
        var key = "ink:" + Convert.ToHexString(SHA256.HashData(encoded));
        if (_images.TryGetValue(key, out var cached)) return (cached, _inks[key]);
        using var bitmap = SKBitmap.Decode(encoded);
        if (bitmap is null) return null;
        var ink = SKColors.Black;
        var best = -1;
        var alpha = new byte[bitmap.Width * bitmap.Height];
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++)
            {
                var p = bitmap.GetPixel(x, y);
                alpha[y * bitmap.Width + x] = p.Alpha;
                if (p.Alpha > best) { best = p.Alpha; ink = p.WithAlpha(255); }
            }
        var image = SKImage.FromPixelCopy(new SKImageInfo(bitmap.Width, bitmap.Height, SKColorType.Alpha8, SKAlphaType.Premul), alpha, bitmap.Width);
        if (image is null) return null;
        if (_images.Count >= Capacity) { _images.Clear(); _inks.Clear(); }
        _inks[key] = ink;
        return (_images.GetOrAdd(key, image), ink);
    }

    public void Dispose()
    {
        foreach (var image in _images.Values) image.Dispose();
    }
}
