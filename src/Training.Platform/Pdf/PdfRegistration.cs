using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Training.Platform.Pdf;

public static class PdfRegistration
{
    /// <summary>The shared PDF services (fonts, decoded images); every module that writes PDFs calls this, once is enough.</summary>
    public static IServiceCollection AddTrainingPdf(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => PdfFonts.System());
        services.TryAddSingleton<PdfImages>();
        return services;
    }
}
