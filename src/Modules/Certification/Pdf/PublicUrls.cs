using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Training.Abstractions.Hosting;
using Training.Certification.Issuance;

namespace Training.Certification.Pdf;

/// <summary>Absolute links printed in PDFs and credentials: <c>Training:PublicBaseUrl</c> when set, else the first
/// address the server listens on (certificates are often issued by a background event, without a request).</summary>
public sealed class PublicUrls(IOptions<TrainingOptions> options, IServiceProvider services)
{
    // Resolved once the server listens (the address collection takes a lock on every read).
    private string? _resolved;

    public string Base
    {
        get
        {
            if (_resolved is not null) return _resolved;
            var configured = options.Value.PublicBaseUrl.TrimEnd('/');
            if (configured.Length > 0) return _resolved = configured;
            var address = (services.GetService(typeof(IServer)) as IServer)?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            if (string.IsNullOrEmpty(address)) return "http://localhost";
            return _resolved = address.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://0.0.0.0", "://localhost")
                .Replace("://[::]", "://localhost").TrimEnd('/');
        }
    }

    public string Verify(string code) => $"{Base}/verify/{VerificationCode.Format(code)}";

    public string Pdf(string code) => $"{Base}/certificates/{VerificationCode.Format(code)}/pdf";

    public string Credential(string code) => $"{Base}/api/certificates/{VerificationCode.Format(code)}/credential";

    public string StatusList => $"{Base}/api/certificates/status-list";

    public string Jwks => $"{Base}/.well-known/jwks.json";
}
