using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Training.Site.Hosting;

/// <summary>Protection at rest of the data-protection key ring (sign-in cookies, sessions, antiforgery tokens), kept in
/// <c>keys/</c> of the data folder on SQLite and in the database on PostgreSQL (see Training.Platform).
/// <para>At rest the keys are protected by the folder's permissions (owner only), not encrypted: the folder sits next
/// to the database and the certificate PDFs, which the same account reads and which matter more; a key-encryption
/// certificate kept on the same disk for the same account would add nothing. Where the data folder lives on shared
/// or backed-up storage, set <c>Training:KeyCertificatePath</c> (a PFX) and <c>Training:KeyCertificatePassword</c>:
/// new keys are then encrypted with that certificate, which must stay available to decrypt them. Either way the
/// choice is explicit, so the site no longer warns "No XML encryptor configured" at start.</para></summary>
internal static class KeyRing
{
    public static void AddTrainingKeyRing(this IServiceCollection services, IConfiguration config, string folder)
    {
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        // Where the keys live (data folder on SQLite, database on PostgreSQL) is Training.Platform's choice; this only
        // decides how they are protected at rest.
        var builder = services.AddDataProtection().SetApplicationName("Training");
        var certificate = config["Training:KeyCertificatePath"];
        if (!string.IsNullOrWhiteSpace(certificate))
        {
            builder.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(certificate, config["Training:KeyCertificatePassword"]));
            return;
        }
        services.Configure<KeyManagementOptions>(o => o.XmlEncryptor ??= new NullXmlEncryptor());
    }
}
