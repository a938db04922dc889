namespace Training.Platform.Signing;

/// <summary>Options bound from <c>Certification:Signing</c>: who signs the documents of each issuing unit.</summary>
public sealed class DocumentSigningOptions
{
    public const string Section = "Certification:Signing";

    /// <summary>An RFC 3161 time-stamp server (e.g. the CA's TSA). When set, signatures are PAdES B-T; else B-B.</summary>
    public string? TimestampUrl { get; set; }

    /// <summary>Seconds to wait for the time-stamp server.</summary>
    public int TimestampTimeoutSeconds { get; set; } = 10;

    /// <summary>PKCS#12 files, one per issuing unit (or "*" for every unit without its own).</summary>
    public List<UnitSigner> Units { get; set; } = [];

    /// <summary>Generate a demo root CA and a demo agency certificate under the data folder and sign with them when no
    /// signer serves a unit. Default: on outside Production. Never use in production: the documents say DEMO.</summary>
    public bool? DemoCertificates { get; set; }

    /// <summary>Key of the generated demo agency certificate: <c>RSA</c> (2048 bits, default) or <c>ECDSA</c> (P-256).</summary>
    public string DemoKey { get; set; } = "RSA";

    /// <summary>Extra trusted roots (DER or PEM files) for the verification page, besides the system store and the demo root.</summary>
    public List<string> TrustedRoots { get; set; } = [];
}

/// <summary>The signing certificate of one issuing unit.</summary>
public sealed class UnitSigner
{
    /// <summary>The issuing unit's name as printed on its documents, or "*".</summary>
    public string Unit { get; set; } = "";

    /// <summary>Path of the PKCS#12 (.p12/.pfx) file holding the key, its certificate and the intermediates;
    /// relative paths are taken from the data folder.</summary>
    public string Pkcs12Path { get; set; } = "";

    /// <summary>Its password (set it from an environment variable or a secret store, not in appsettings.json).</summary>
    public string? Password { get; set; }
}
