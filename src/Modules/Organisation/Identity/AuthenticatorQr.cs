using QRCoder;

namespace Training.Organisation.Identity;

/// <summary>The otpauth:// address an authenticator app scans, as a PNG data URI (the CSP allows data: images;
/// QRCoder is the same package the certificates use).</summary>
public static class AuthenticatorQr
{
    public const string Issuer = "Training";

    public static string Uri(string account, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(account)}?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&digits=6";

    public static string PngDataUri(string content)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
