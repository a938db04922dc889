namespace Training.Certification.Pdf;

/// <summary>Where things go on a certificate page, per orientation (points; y grows downwards).</summary>
/// <param name="LeftX">Centre of the issuing unit's header.</param>
/// <param name="RightX">Centre of the national header (quốc hiệu, tiêu ngữ).</param>
/// <param name="SignX">Centre of the signer block.</param>
internal sealed record CertificatePage(
    float Width, float Height, float LeftX, float RightX, float HeaderWidth, float TitleY, float BodyWidth,
    float SignX, float SignY, float SignNameY, float QrX, float QrY, float QrSize, bool QrTextBeside)
{
    public static readonly CertificatePage Landscape = new(842f, 595f, 200f, 590f, 300f, 150f, 660f, 640f, 420f, 540f, 52f, 418f, 120f, true);
    public static readonly CertificatePage Portrait = new(595f, 842f, 150f, 425f, 250f, 210f, 500f, 405f, 600f, 745f, 50f, 600f, 104f, false);

    public static CertificatePage For(PageOrientation orientation) => orientation == PageOrientation.Portrait ? Portrait : Landscape;
}
