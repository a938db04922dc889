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

    public void Dispose()
    {
        foreach (var image in _images.Values) image.Dispose();
    }
}
