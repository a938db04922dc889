using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Training.Platform.Signing;

public static class SigningRegistration
{
    /// <summary>PAdES signing and verification of PDFs (every module that signs documents calls this; once is enough).</summary>
    public static IServiceCollection AddDocumentSigning(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(DocumentSigners))) return services;
        services.AddOptions<DocumentSigningOptions>().BindConfiguration(DocumentSigningOptions.Section);
        services.AddHttpClient(TimestampClient.HttpClientName);
        services.TryAddSingleton<DocumentSigners>();
        services.TryAddSingleton<TimestampClient>();
        services.TryAddSingleton<PadesSigner>();
        services.TryAddSingleton<PdfSignatureVerifier>();
        return services;
    }
}
