using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Training.Abstractions.Hosting;
using Training.Abstractions.Signing;
using Training.Platform.Text;

namespace Training.Platform.Signing;

/// <summary>Finds the signing identity of an issuing unit: a registered <see cref="IDocumentSigner"/> naming the unit, then
/// the unit's PKCS#12 file, then a "*" signer of either kind, then (outside Production, or when asked) the demo certificate.
/// Files are loaded once, on first use.</summary>
public sealed class DocumentSigners(
    IEnumerable<IDocumentSigner> registered, IOptions<DocumentSigningOptions> options, TrainingPaths paths, IHostEnvironment environment,
    ILogger<DocumentSigners> log)
{
    public const string AnyUnit = "*";
    private readonly ConcurrentDictionary<string, Lazy<IDocumentSigner>> _files = new(StringComparer.Ordinal);
    private Lazy<(IDocumentSigner Signer, X509Certificate2 Root)?>? _demoLoaded;
    private Lazy<IReadOnlyList<X509Certificate2>>? _roots;

    public bool DemoEnabled => options.Value.DemoCertificates ?? !environment.IsProduction();

    /// <summary>The identity that signs for <paramref name="unit"/>, or null when none is configured.</summary>
    public IDocumentSigner? For(string unit)
    {
        var key = Key(unit);
        var byName = registered.FirstOrDefault(s => s.Units.Any(u => Key(u) == key));
        if (byName is not null) return byName;
        var file = options.Value.Units.FirstOrDefault(u => Key(u.Unit) == key);
        if (file is not null) return Load(file);
        var any = registered.FirstOrDefault(s => s.Units.Contains(AnyUnit));
        if (any is not null) return any;
        var anyFile = options.Value.Units.FirstOrDefault(u => u.Unit.Trim() == AnyUnit);
        if (anyFile is not null) return Load(anyFile);
        return Demo()?.Signer;
    }

    /// <summary>Roots the verification page trusts besides the system store: the configured ones and the demo root.</summary>
    public IReadOnlyList<X509Certificate2> TrustedRoots => (_roots ??= new(() =>
    {
        var roots = options.Value.TrustedRoots.Select(p => X509CertificateLoader.LoadCertificateFromFile(Resolve(p))).ToList();
        if (Demo() is { } demo) roots.Add(demo.Root);
        return roots;
    })).Value;

    /// <summary>The demo root, when the demo certificates are in use.</summary>
    public X509Certificate2? DemoRoot => Demo()?.Root;

    private (IDocumentSigner Signer, X509Certificate2 Root)? Demo()
    {
        if (!DemoEnabled) return null;
        _demoLoaded ??= new(() =>
        {
            var (root, agency) = DemoCertificates.Ensure(paths.Folder("signing"), options.Value.DemoKey);
            // Expected outside Production (the demo signs with it); a warning only where real documents are issued.
            log.Log(environment.IsProduction() ? LogLevel.Warning : LogLevel.Information,
                "Documents are signed with the generated DEMO certificate {File}: install each issuing unit's own certificate (Certification:Signing:Units) before production use", agency);
            return (new Pkcs12DocumentSigner([AnyUnit], agency, DemoCertificates.Password), X509CertificateLoader.LoadCertificateFromFile(root));
        });
        return _demoLoaded.Value;
    }

    private IDocumentSigner Load(UnitSigner unit) => _files.GetOrAdd(Key(unit.Unit) + "|" + unit.Pkcs12Path,
        _ => new Lazy<IDocumentSigner>(() => new Pkcs12DocumentSigner([unit.Unit], Resolve(unit.Pkcs12Path), unit.Password))).Value;

    private string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.Combine(paths.Root, path);

    private static string Key(string unit) => VietnameseText.Clean(unit).ToLowerInvariant();
}
