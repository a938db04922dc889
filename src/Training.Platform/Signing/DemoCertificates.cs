using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Training.Platform.Signing;

/// <summary>A generated demo root CA and a demo agency certificate under <c>{data}/signing</c>, so a fresh site signs its
/// documents out of the box. Everything they show says DEMO: they prove integrity, not the authority of a real agency.</summary>
public static class DemoCertificates
{
    public const string RootFile = "demo-root-ca.cer", AgencyFile = "demo-agency.p12", Password = "demo";
    public const string RootName = "DEMO Root CA - Training (thử nghiệm, không có giá trị pháp lý)";
    public const string AgencyName = "DEMO - Đơn vị cấp chứng chỉ (chứng thư số thử nghiệm)";

    /// <summary>Creates the files when missing (atomically: a crash never leaves half a key) and returns their paths.</summary>
    public static (string Root, string Agency) Ensure(string folder, string keyKind)
    {
        var root = Path.Combine(folder, RootFile);
        var agency = Path.Combine(folder, AgencyFile);
        if (File.Exists(root) && File.Exists(agency)) return (root, agency);
        if (!File.Exists(agency)) Write(agency, Create(keyKind));
        // The root is exported from the file that won (two processes may race to create it), so the pair always matches.
        var inFile = X509CertificateLoader.LoadPkcs12CollectionFromFile(agency, Password, X509KeyStorageFlags.EphemeralKeySet);
        Write(root, inFile.First(c => c.SubjectName.RawData.AsSpan().SequenceEqual(c.IssuerName.RawData)).RawData);
        return (root, agency);
    }

    private static byte[] Create(string keyKind)
    {
        var now = DateTimeOffset.UtcNow.AddDays(-1);
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var rootRequest = new CertificateRequest(Name(RootName), rootKey, HashAlgorithmName.SHA256);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        rootRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(rootRequest.PublicKey, false));
        using var rootCert = rootRequest.CreateSelfSigned(now, now.AddYears(20));

        // The root's ECDSA key signs the agency certificate whatever the agency's key kind.
        var rootSigner = X509SignatureGenerator.CreateForECDsa(rootKey);
        var usage = new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true);
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        X509Certificate2 agencyCert;
        if (string.Equals(keyKind, "ECDSA", StringComparison.OrdinalIgnoreCase))
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = AgencyRequest(new CertificateRequest(Name(AgencyName), key, HashAlgorithmName.SHA256), usage, rootCert);
            using var signed = request.Create(rootCert.SubjectName, rootSigner, now, now.AddYears(10), serial);
            agencyCert = signed.CopyWithPrivateKey(key);
        }
        else
        {
            using var key = RSA.Create(2048);
            var request = AgencyRequest(new CertificateRequest(Name(AgencyName), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), usage, rootCert);
            using var signed = request.Create(rootCert.SubjectName, rootSigner, now, now.AddYears(10), serial);
            agencyCert = signed.CopyWithPrivateKey(key);
        }
        using (agencyCert)
        {
            var collection = new X509Certificate2Collection { agencyCert, X509CertificateLoader.LoadCertificate(rootCert.RawData) };
            return collection.Export(X509ContentType.Pkcs12, Password)!;
        }
    }

    private static CertificateRequest AgencyRequest(CertificateRequest request, X509KeyUsageExtension usage, X509Certificate2 root)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(usage);
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(root, true, false));
        return request;
    }

    private static X500DistinguishedName Name(string commonName)
    {
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCountryOrRegion("VN");
        builder.AddOrganizationName("DEMO");
        builder.AddCommonName(commonName);
        return builder.Build();
    }

    private static void Write(string path, byte[] data)
    {
        if (File.Exists(path)) return;
        var temp = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        File.WriteAllBytes(temp, data);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp); // Another process wrote it first; keep theirs.
        }
    }
}
