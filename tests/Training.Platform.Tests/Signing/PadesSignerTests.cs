using Training.Platform.Signing;

namespace Training.Platform.Tests.Signing;

public sealed class PadesSignerTests
{
    [Theory]
    [InlineData("RSA")]
    [InlineData("ECDSA")]
    public async Task SignedPdfIsReportedValidAndWholeByPopplerWithTheDemoSignerName(string key)
    {
        using var signing = new Signing(key);

        var signed = await signing.SignAsync(Signing.SamplePdf());

        var pdfsig = Poppler.Pdfsig(signed);
        Assert.Contains("Signature Validation: Signature is Valid.", pdfsig);
        Assert.Contains("Total document signed", pdfsig);
        Assert.Contains("Signature Type: ETSI.CAdES.detached", pdfsig);
        Assert.Contains("Signer Certificate Common Name: " + DemoCertificates.AgencyName, pdfsig);
        var report = signing.Verifier.Verify(signed);
        Assert.True(report.Valid, report.Problem);
        Assert.True(report.Trusted);
        Assert.True(report.Demo);
        Assert.Equal(DemoCertificates.AgencyName, report.SignerCommonName);
        Assert.Equal("ETSI.CAdES.detached", report.SubFilter);
    }

    [Fact]
    public async Task OneChangedByteOfContentMakesTheSignatureInvalid()
    {
        using var signing = new Signing();
        var signed = await signing.SignAsync(Signing.SamplePdf("Nguyễn Thị Ánh Tuyết"));
        var text = System.Text.Encoding.Latin1.GetString(signed);
        var copy = (byte[])signed.Clone();
        // The page width in the MediaBox (595 -> 495), well before the signature.
        var at = text.IndexOf("595", text.IndexOf("/MediaBox", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(at > 0);
        copy[at] = (byte)'4';

        var pdfsig = Poppler.Pdfsig(copy);
        var report = signing.Verifier.Verify(copy);

        Assert.DoesNotContain("Signature is Valid.", pdfsig);
        Assert.Contains("Signature Validation: Digest Mismatch.", pdfsig);
        Assert.False(report.Valid);
        Assert.True(report.Signed);
    }

    [Fact]
    public async Task BytesAppendedAfterSigningAreReported()
    {
        using var signing = new Signing();
        var signed = await signing.SignAsync(Signing.SamplePdf());
        var longer = signed.Concat("\n% appended\n"u8.ToArray()).ToArray();

        var report = signing.Verifier.Verify(longer);

        Assert.False(report.Valid);
        Assert.Equal("Tài liệu có phần được thêm vào sau khi ký.", report.Problem);
    }

    [Fact]
    public void UnsignedPdfIsReportedUnsigned()
    {
        using var signing = new Signing();

        var report = signing.Verifier.Verify(Signing.SamplePdf());

        Assert.False(report.Signed);
        Assert.False(report.Valid);
    }
}
