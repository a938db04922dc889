using SkiaSharp;

namespace Training.Certification.Marks;

/// <summary>What a seal or signature image is and how large it may be.</summary>
public sealed record InkRules(int MaxBytes, int MinSide, int MaxSide, float MinAspect, float MaxAspect, int OutputMaxWidth, int OutputMaxHeight)
{
    /// <summary>A round seal: about square.</summary>
    public static readonly InkRules Seal = new(2 * 1024 * 1024, 120, 3000, 0.8f, 1.25f, 300, 300);

    /// <summary>A signature: wider than tall.</summary>
    public static readonly InkRules Signature = new(2 * 1024 * 1024, 80, 3000, 1f, 6f, 420, 170);
}

/// <summary>Turns an uploaded seal or signature (PNG, transparent or scanned on white) into one ink colour over
/// transparency: white paper becomes transparent, every inked pixel takes the ink's colour with its darkness as opacity.
/// The image is then drawn over the signer block without hiding the printed text, and weighs little in each PDF (the
/// colour plane is uniform, only the opacity carries the shape).</summary>
public static class InkImage
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The normalised PNG, or the Vietnamese reason it is refused.</summary>
    public static (byte[]? Png, string? Error) Normalize(byte[] upload, InkRules rules)
    {
        if (upload.Length == 0) return (null, "Tệp ảnh trống.");
        if (upload.Length > rules.MaxBytes) return (null, $"Tệp ảnh lớn hơn {rules.MaxBytes / 1024 / 1024} MB.");
        if (!upload.AsSpan().StartsWith(PngSignature)) return (null, "Tệp không phải ảnh PNG.");
        using var codec = SKCodec.Create(new SKMemoryStream(upload));
        if (codec is null || codec.EncodedFormat != SKEncodedImageFormat.Png) return (null, "Tệp PNG bị hỏng hoặc không đọc được.");
        var (w, h) = (codec.Info.Width, codec.Info.Height);
        if (Math.Min(w, h) < rules.MinSide || Math.Max(w, h) > rules.MaxSide)
            return (null, $"Kích thước ảnh {w}×{h} điểm ảnh không phù hợp: mỗi chiều từ {rules.MinSide} đến {rules.MaxSide} điểm ảnh.");
        var aspect = (float)w / h;
        if (aspect < rules.MinAspect || aspect > rules.MaxAspect)
            return (null, rules == InkRules.Seal ? "Ảnh con dấu phải gần vuông (dấu tròn ở giữa)." : "Ảnh chữ ký phải nằm ngang (rộng hơn cao).");
        using var decoded = Decode(codec, new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        if (decoded is null) return (null, "Tệp PNG bị hỏng hoặc không đọc được.");
        var scale = Math.Min(1f, Math.Min((float)rules.OutputMaxWidth / w, (float)rules.OutputMaxHeight / h));
        var (ow, oh) = (Math.Max(1, (int)MathF.Round(w * scale)), Math.Max(1, (int)MathF.Round(h * scale)));
        using var resized = decoded.Resize(new SKImageInfo(ow, oh, SKColorType.Rgba8888, SKAlphaType.Unpremul), new SKSamplingOptions(SKCubicResampler.Mitchell))
            ?? throw new InvalidOperationException("Skia could not resize the image.");
        var pixels = resized.Pixels;
        var ink = InkColour(pixels);
        if (ink is null) return (null, "Ảnh không có nét mực nào (toàn màu trắng hoặc trong suốt).");
        var output = new SKColor[pixels.Length];
        for (var i = 0; i < pixels.Length; i++)
        {
            var p = pixels[i];
            var alpha = Opacity(p);
            output[i] = new SKColor(ink.Value.Red, ink.Value.Green, ink.Value.Blue, (byte)alpha);
        }
        using var result = new SKBitmap(new SKImageInfo(ow, oh, SKColorType.Rgba8888, SKAlphaType.Unpremul)) { Pixels = output };
        using var data = result.Encode(SKEncodedImageFormat.Png, 100);
        return (data.ToArray(), null);
    }

    /// <summary>The whole image, or null when any part of it cannot be decoded (a truncated file decodes "incompletely").</summary>
    internal static SKBitmap? Decode(SKCodec codec, SKImageInfo info)
    {
        var bitmap = new SKBitmap(info);
        if (codec.GetPixels(info, bitmap.GetPixels()) == SKCodecResult.Success) return bitmap;
        bitmap.Dispose();
        return null;
    }

    /// <summary>How much ink a pixel holds: its own opacity times its distance from white paper.</summary>
    private static int Opacity(SKColor p) => p.Alpha * (255 - Math.Min(p.Red, Math.Min(p.Green, p.Blue))) / 255;

    /// <summary>The average colour of the strongly inked pixels, or null when there are none.</summary>
    private static SKColor? InkColour(SKColor[] pixels)
    {
        long r = 0, g = 0, b = 0, n = 0;
        foreach (var p in pixels)
        {
            if (Opacity(p) < 150) continue;
            r += p.Red; g += p.Green; b += p.Blue; n++;
        }
        if (n < 20) return null;
        return new SKColor((byte)(r / n), (byte)(g / n), (byte)(b / n));
    }
}
