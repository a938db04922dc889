using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.DependencyInjection;

namespace Training.Theme;

/// <summary>The site's look: layout, CSS, scripts. A module partial named <c>_X</c> is overridden
/// by a theme file <c>/Theme/_X.cshtml</c>, searched before the module's own locations.</summary>
public static class ThemeModule
{
    public const string OverrideFolder = "/Theme/";

    public static IServiceCollection AddTrainingTheme(this IServiceCollection services)
    {
        services.Configure<RazorViewEngineOptions>(o =>
        {
            o.PageViewLocationFormats.Insert(0, OverrideFolder + "{0}" + RazorViewEngine.ViewExtension);
            o.ViewLocationFormats.Insert(0, OverrideFolder + "{0}" + RazorViewEngine.ViewExtension);
        });
        return services;
    }
}
