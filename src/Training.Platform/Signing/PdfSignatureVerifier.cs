using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Training.Platform.Signing;

/// <summary>What the signature of a PDF proves.</summary>
/// <param name="Signed">The document carries a signature.</param>
/// <param name="Valid">The signature is intact: the CMS signature verifies, its message digest equals the hash of the
/// signed bytes, and those bytes are the whole file except the signature itself (nothing appended or changed).</param>
/// <param name="Trusted">The signer's certificate chains to a trusted root (system store, configured roots, demo root).</param>
/// <param name="Demo">The chain ends at the generated demo root.</param>
public sealed record PdfSignatureReport(
    bool Signed, bool Valid, bool Trusted, bool Demo, string? SignerCommonName, string? Subject, string? Issuer, string? SerialNumber,
    DateTimeOffset? NotAfter, string? SubFilter, DateTimeOffset? TimestampedAt, string? Problem)
{
    public static PdfSignatureReport Unsigned => new(false, false, false, false, null, null, null, null, null, null, null, "Tài liệu chưa được ký số.");
}

/// <summary>Verifies the (last) signature of a PDF: byte range, CMS signature, certificate chain and time-stamp.</summary>
public sealed class PdfSignatureVerifier(DocumentSigners signers)
{
    private static readonly byte[] ByteRangeKey = Encoding.ASCII.GetBytes("/ByteRange");

    public PdfSignatureReport Verify(byte[] pdf)
    {
        var at = pdf.AsSpan().LastIndexOf(ByteRangeKey);
        if (at < 0) return PdfSignatureReport.Unsigned;
        if (!TryRange(pdf, at + ByteRangeKey.Length, out var range))
            return Invalid("Vùng ký (ByteRange) không đọc được.");
        var (a, b, c, d) = range;
        if (a != 0 || b <= 0 || c <= b || d < 0 || (long)c + d > pdf.Length || pdf[b] != (byte)'<' || pdf[c - 1] != (byte)'>')
            return Invalid("Vùng ký (ByteRange) không hợp lệ.");
        var covered = (long)c + d == pdf.Length;
        byte[] der;
        try
        {
            var hex = Encoding.ASCII.GetString(pdf, b + 1, c - b - 2);
            var raw = Convert.FromHexString(hex);
            // The hex string is padded with zeros after the DER value.
            AsnDecoder.ReadEncodedValue(raw, AsnEncodingRules.BER, out _, out _, out var length);
            der = raw[..length];
        }
        catch (Exception e) when (e is FormatException or AsnContentException or ArgumentException)
        {
            return Invalid("Chữ ký số không đọc được.");
        }
        var content = new byte[b + d];
        Buffer.BlockCopy(pdf, 0, content, 0, b);
        Buffer.BlockCopy(pdf, c, content, b, d);
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        try
        {
            cms.Decode(der);
        }
        catch (CryptographicException)
        {
            return Invalid("Chữ ký số không đọc được.");
        }
        var signerInfo = cms.SignerInfos.Count == 1 ? cms.SignerInfos[0] : null;
        var certificate = signerInfo?.Certificate;
        if (signerInfo is null || certificate is null) return Invalid("Chữ ký số không mang chứng thư của người ký.");
        var subFilter = SubFilter(pdf, at);
        string? problem = null;
        var valid = true;
        try
        {
            cms.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException)
        {
            valid = false;
            problem = "Nội dung tài liệu đã bị thay đổi sau khi ký, hoặc chữ ký số không đúng.";
        }
        if (valid && !covered)
        {
            valid = false;
            problem = "Tài liệu có phần được thêm vào sau khi ký.";
        }
        var (trusted, demo) = Chain(certificate, cms.Certificates);
        return new PdfSignatureReport(true, valid, trusted, demo, certificate.GetNameInfo(X509NameType.SimpleName, false), certificate.Subject,
            certificate.Issuer, certificate.SerialNumber, certificate.NotAfter, subFilter, Timestamp(signerInfo), problem);
    }

    private static PdfSignatureReport Invalid(string problem) =>
        new(true, false, false, false, null, null, null, null, null, null, null, problem);

    private (bool Trusted, bool Demo) Chain(X509Certificate2 certificate, X509Certificate2Collection extra)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck; // no network from here: revocation is the CA's OCSP
        chain.ChainPolicy.ExtraStore.AddRange(extra);
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid;
        if (chain.Build(certificate)) return (true, false);
        var roots = signers.TrustedRoots;
        if (roots.Count == 0) return (false, false);
        using var custom = new X509Chain();
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(roots.ToArray());
        custom.ChainPolicy.ExtraStore.AddRange(extra);
        custom.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid;
        if (!custom.Build(certificate)) return (false, false);
        var top = custom.ChainElements[^1].Certificate;
        return (true, signers.DemoRoot is { } demo && top.RawData.AsSpan().SequenceEqual(demo.RawData));
    }

    private static DateTimeOffset? Timestamp(SignerInfo signer)
    {
        foreach (var attribute in signer.UnsignedAttributes)
        {
            if (attribute.Oid.Value != CadesSignature.SignatureTimeStampToken || attribute.Values.Count == 0) continue;
            if (!Rfc3161TimestampToken.TryDecode(attribute.Values[0].RawData, out var token, out _)) return null;
            return token.VerifySignatureForSignerInfo(signer, out _) ? token.TokenInfo.Timestamp : null;
        }
        return null;
    }

    private static string? SubFilter(byte[] pdf, int byteRangeAt)
    {
        // The signature dictionary holding this /ByteRange: search a window around it.
        var start = Math.Max(0, byteRangeAt - 4096);
        var window = Encoding.ASCII.GetString(pdf, start, Math.Min(pdf.Length - start, 8192));
        var i = window.IndexOf("/SubFilter", StringComparison.Ordinal);
        if (i < 0) return null;
        var name = window[(i + 10)..].TrimStart().TrimStart('/');
        var end = name.IndexOfAny([' ', '/', '>', '\n', '\r']);
        return end < 0 ? name : name[..end];
    }

    private static bool TryRange(byte[] pdf, int from, out (int A, int B, int C, int D) range)
    {
        range = default;
        var end = Array.IndexOf(pdf, (byte)']', from);
        var open = Array.IndexOf(pdf, (byte)'[', from);
        if (open < 0 || end < 0 || end - open > 80) return false;
        var parts = Encoding.ASCII.GetString(pdf, open + 1, end - open - 1).Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 4) return false;
        var numbers = new int[4];
        for (var i = 0; i < 4; i++)
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i])) return false;
        range = (numbers[0], numbers[1], numbers[2], numbers[3]);
        return true;
    }
}
