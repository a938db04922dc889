using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Training.Abstractions.Signing;

namespace Training.Platform.Signing;

/// <summary>Signs with a key held in a PKCS#12 file (the default for a department: the .p12 its CA delivered).</summary>
public sealed class Pkcs12DocumentSigner : IDocumentSigner, IDisposable
{
    private readonly RSA? _rsa;
    private readonly ECDsa? _ecdsa;

    public Pkcs12DocumentSigner(IReadOnlyCollection<string> units, string path, string? password)
    {
        Units = units;
        var all = X509CertificateLoader.LoadPkcs12CollectionFromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        var leaf = all.FirstOrDefault(c => c.HasPrivateKey)
            ?? throw new InvalidOperationException($"{path}: no certificate with a private key.");
        _rsa = leaf.GetRSAPrivateKey();
        _ecdsa = _rsa is null ? leaf.GetECDsaPrivateKey() : null;
        if (_rsa is null && _ecdsa is null) throw new InvalidOperationException($"{path}: the key is neither RSA nor ECDSA.");
        // Leaf first, then the intermediates; a self-signed root adds nothing a verifier can trust.
        Chain = [leaf, .. all.Where(c => !ReferenceEquals(c, leaf) && c.SubjectName.RawData.AsSpan().SequenceEqual(c.IssuerName.RawData) == false)];
    }

    public IReadOnlyCollection<string> Units { get; }

    public IReadOnlyList<X509Certificate2> Chain { get; }

    public Task<byte[]> SignDigestAsync(byte[] sha256Digest, CancellationToken ct) => Task.FromResult(_rsa is not null
        ? _rsa.SignHash(sha256Digest, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
        : _ecdsa!.SignHash(sha256Digest, DSASignatureFormat.Rfc3279DerSequence));

    public void Dispose()
    {
        _rsa?.Dispose();
        _ecdsa?.Dispose();
        foreach (var c in Chain) c.Dispose();
    }
}
