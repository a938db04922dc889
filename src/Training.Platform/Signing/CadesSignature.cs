using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Training.Abstractions.Signing;

namespace Training.Platform.Signing;

/// <summary>Builds the detached CMS SignedData of a PAdES baseline signature (ETSI EN 319 142-1, CAdES signed attributes:
/// content-type, message-digest, signing-certificate-v2; no signing-time, the PDF's /M carries it). Written with
/// System.Formats.Asn1 rather than SignedCms because SignedCms can only sign with a local key, synchronously: an
/// <see cref="IDocumentSigner"/> (HSM, token, remote service) only returns a signature over a digest, asynchronously.</summary>
public static class CadesSignature
{
    private const string IdData = "1.2.840.113549.1.7.1", IdSignedData = "1.2.840.113549.1.7.2";
    private const string Sha256 = "2.16.840.1.101.3.4.2.1", RsaEncryption = "1.2.840.113549.1.1.1", EcdsaWithSha256 = "1.2.840.10045.4.3.2";
    private const string ContentType = "1.2.840.113549.1.9.3", MessageDigest = "1.2.840.113549.1.9.4", SigningCertificateV2 = "1.2.840.113549.1.9.16.2.47";
    public const string SignatureTimeStampToken = "1.2.840.113549.1.9.16.2.14";

    /// <summary>The DER SignedData over a document whose SHA-256 is <paramref name="documentDigest"/>;
    /// <paramref name="timestamp"/>, when given, receives the signature value and returns an RFC 3161 token (B-T).</summary>
    public static async Task<byte[]> CreateAsync(IDocumentSigner signer, byte[] documentDigest,
        Func<byte[], CancellationToken, Task<byte[]>>? timestamp, CancellationToken ct)
    {
        var leaf = signer.Chain[0];
        var signedAttributes = SignedAttributes(leaf, documentDigest);
        var signature = await signer.SignDigestAsync(SHA256.HashData(signedAttributes), ct);
        var token = timestamp is null ? null : await timestamp(signature, ct);
        return Encode(signer.Chain, leaf, signedAttributes, signature, token);
    }

    /// <summary>The DER of the signed attributes as a SET OF (the bytes the signature covers, RFC 5652 §5.4).</summary>
    private static byte[] SignedAttributes(X509Certificate2 leaf, byte[] documentDigest)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSetOf())
        {
            Attribute(w, ContentType, v => v.WriteObjectIdentifier(IdData));
            Attribute(w, MessageDigest, v => v.WriteOctetString(documentDigest));
            Attribute(w, SigningCertificateV2, v =>
            {
                using (v.PushSequence()) // SigningCertificateV2
                using (v.PushSequence()) // certs
                using (v.PushSequence()) // ESSCertIDv2 (hashAlgorithm omitted: SHA-256 is the default)
                {
                    v.WriteOctetString(SHA256.HashData(leaf.RawData));
                    using (v.PushSequence()) // IssuerSerial
                    {
                        using (v.PushSequence()) // GeneralNames
                        using (v.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true))) // directoryName
                            v.WriteEncodedValue(leaf.IssuerName.RawData);
                        v.WriteInteger(leaf.SerialNumberBytes.Span);
                    }
                }
            });
        }
        return w.Encode();
    }

    private static void Attribute(AsnWriter w, string oid, Action<AsnWriter> value)
    {
        using (w.PushSequence())
        {
            w.WriteObjectIdentifier(oid);
            using (w.PushSetOf()) value(w);
        }
    }

    private static byte[] Encode(IReadOnlyList<X509Certificate2> chain, X509Certificate2 leaf, byte[] signedAttributes, byte[] signature, byte[]? token)
    {
        var isRsa = leaf.GetKeyAlgorithm() == RsaEncryption;
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence()) // ContentInfo
        {
            w.WriteObjectIdentifier(IdSignedData);
            using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
            using (w.PushSequence()) // SignedData
            {
                w.WriteInteger(1);
                using (w.PushSetOf()) Algorithm(w, Sha256, nullParameters: false);
                using (w.PushSequence()) w.WriteObjectIdentifier(IdData); // detached: no eContent
                using (w.PushSetOf(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
                    foreach (var certificate in chain) w.WriteEncodedValue(certificate.RawData);
                using (w.PushSetOf())
                using (w.PushSequence()) // SignerInfo
                {
                    w.WriteInteger(1);
                    using (w.PushSequence()) // IssuerAndSerialNumber
                    {
                        w.WriteEncodedValue(leaf.IssuerName.RawData);
                        w.WriteInteger(leaf.SerialNumberBytes.Span);
                    }
                    Algorithm(w, Sha256, nullParameters: false);
                    // [0] IMPLICIT: the signed SET OF with its tag byte changed (0x31 -> 0xA0), content byte-identical.
                    var tagged = (byte[])signedAttributes.Clone();
                    tagged[0] = 0xA0;
                    w.WriteEncodedValue(tagged);
                    if (isRsa) Algorithm(w, RsaEncryption, nullParameters: true);
                    else Algorithm(w, EcdsaWithSha256, nullParameters: false);
                    w.WriteOctetString(signature);
                    if (token is not null)
                    {
                        using (w.PushSetOf(new Asn1Tag(TagClass.ContextSpecific, 1, isConstructed: true)))
                            Attribute(w, SignatureTimeStampToken, v => v.WriteEncodedValue(token));
                    }
                }
            }
        }
        return w.Encode();
    }

    private static void Algorithm(AsnWriter w, string oid, bool nullParameters)
    {
        using (w.PushSequence())
        {
            w.WriteObjectIdentifier(oid);
            if (nullParameters) w.WriteNull();
        }
    }
}
