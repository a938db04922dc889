using Training.Abstractions.Hosting;

namespace Training.Site.Hosting;

/// <summary>Settings the site refuses to start without. Checked before the site listens (not for verbs, which
/// print no links and serve no requests).</summary>
internal static class SiteConfiguration
{
    public static List<string> Problems(IHostEnvironment environment, IConfiguration config)
    {
        var problems = ReverseProxy.Problems(config).ToList();
        var baseUrl = config.GetSection(TrainingOptions.Section).Get<TrainingOptions>()?.PublicBaseUrl?.Trim() ?? "";
        if (baseUrl.Length == 0)
        {
            if (environment.IsProduction())
                problems.Add("Training:PublicBaseUrl is required in Production: it is the address printed in certificates' QR codes " +
                    "and PDFs and in e-mails, e.g. https://daotao.sogddt.ninhbinh.gov.vn. Set it in appsettings.Production.json " +
                    "or as the environment variable Training__PublicBaseUrl.");
        }
        else if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
                 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            problems.Add($"Training:PublicBaseUrl «{baseUrl}» is not an absolute http(s) address without query, e.g. https://daotao.sogddt.ninhbinh.gov.vn.");
        }
        else if (environment.IsProduction() && uri.Scheme != Uri.UriSchemeHttps)
        {
            problems.Add($"Training:PublicBaseUrl «{baseUrl}» must use https in Production (sign-in cookies are sent over HTTPS only).");
        }
        return problems;
    }
}
