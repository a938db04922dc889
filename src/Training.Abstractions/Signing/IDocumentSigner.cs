using System.Security.Cryptography.X509Certificates;

namespace Training.Abstractions.Signing;

/// <summary>A signing identity of one or more issuing units: the certificate chain, and the private-key operation.
/// The site builds the PAdES signature (CMS signed attributes, PDF byte range, RFC 3161 time-stamp) around it, so an
/// HSM (PKCS#11), a USB token or a CA's remote-signing service only has to sign a SHA-256 digest.
/// Register implementations with <c>services.AddSingleton&lt;IDocumentSigner, MySigner&gt;()</c>; they take precedence over
/// the PKCS#12 files of <c>Certification:Signing:Units</c> for the units they name.</summary>
public interface IDocumentSigner
{
    /// <summary>The issuing units this identity signs for, by the name printed on documents
    /// (e.g. "Sở Giáo dục và Đào tạo Ninh Bình"; compared after NFC normalisation, ignoring case).
    /// "*" signs for every unit that has no signer of its own.</summary>
    IReadOnlyCollection<string> Units { get; }

    /// <summary>The signing certificate first, then the intermediate CA certificates (embedded in every signature so a
    /// reader can build the chain). Its key is RSA (2048 bits or more) or ECDSA (P-256, P-384).</summary>
    IReadOnlyList<X509Certificate2> Chain { get; }

    /// <summary>Signs a SHA-256 digest with the private key of <c>Chain[0]</c>: for RSA a PKCS#1 v1.5 signature, for ECDSA
    /// the DER <c>Ecdsa-Sig-Value</c> of RFC 3279 (what CMS carries).</summary>
    Task<byte[]> SignDigestAsync(byte[] sha256Digest, CancellationToken ct);
}
