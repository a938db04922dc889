using SkiaSharp;

namespace Training.Certification.Templates;

/// <summary>A programme's logo: a PNG of reasonable size, re-encoded at most 240 pixels on its longer side (a logo is
/// printed about 46 points high; more pixels would only weigh on every certificate).</summary>
public static class LogoImage
{
    private const int MaxBytes = 1024 * 1024, MinSide = 32, MaxSide = 3000, OutputSide = 240;
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static (byte[]? Png, string? Error) Normalize(byte[] upload)
    {
        if (upload.Length == 0) return (null, "Logo: tệp ảnh trống.");
        if (upload.Length > MaxBytes) return (null, "Logo: tệp ảnh lớn hơn 1 MB.");
        if (!upload.AsSpan().StartsWith(PngSignature)) return (null, "Logo: tệp không phải ảnh PNG.");
        using var codec = SKCodec.Create(new SKMemoryStream(upload));
        if (codec is null || codec.EncodedFormat != SKEncodedImageFormat.Png) return (null, "Logo: tệp PNG bị hỏng hoặc không đọc được.");
        var (w, h) = (codec.Info.Width, codec.Info.Height);
        if (Math.Min(w, h) < MinSide || Math.Max(w, h) > MaxSide)
            return (null, $"Logo: kích thước {w}×{h} điểm ảnh không phù hợp (mỗi chiều từ {MinSide} đến {MaxSide}).");
        using var decoded = Marks.InkImage.Decode(codec, new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        if (decoded is null) return (null, "Logo: tệp PNG bị hỏng hoặc không đọc được.");
        var scale = Math.Min(1f, (float)OutputSide / Math.Max(w, h));
        using var resized = decoded.Resize(new SKImageInfo(Math.Max(1, (int)(w * scale)), Math.Max(1, (int)(h * scale)), SKColorType.Rgba8888, SKAlphaType.Premul),
            new SKSamplingOptions(SKCubicResampler.Mitchell)) ?? throw new InvalidOperationException("Skia could not resize the logo.");
        using var data = resized.Encode(SKEncodedImageFormat.Png, 100);
        return (data.ToArray(), null);
    }
}
