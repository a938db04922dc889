using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Training.Abstractions.Certificates;
using Training.Abstractions.Cli;
using Training.Abstractions.Events;
using Training.Abstractions.Hosting;
using Training.Abstractions.Navigation;
using Training.Abstractions.Security;
using Training.Certification.Api;
using Training.Certification.Cli;
using Training.Certification.Credentials;
using Training.Certification.Cycles;
using Training.Certification.Data;
using Training.Certification.Exports;
using Training.Certification.Issuance;
using Training.Certification.Marks;
using Training.Certification.Templates;
using Training.Certification.Pdf;
using Training.Certification.Seed;
using Training.Certification.Verification;
using Training.Platform.Cluster;
using Training.Platform.Data;
using Training.Platform.Outbox;
using Training.Platform.Pdf;
using Training.Platform.Signing;

namespace Training.Certification;

/// <summary>Programmes, issuance, PDF certificates, public verification, credentials, expiry and revocation.</summary>
public static class CertificationModule
{
    public const string Name = "certification";

    public static IServiceCollection AddCertification(this IServiceCollection services)
    {
        services.AddTrainingDbContext<CertificationDbContext, CertificationSqliteDbContext, CertificationPostgresDbContext>(Name, order: 30);
        services.AddOptions<CertificationOptions>().BindConfiguration(CertificationOptions.Section);
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<IMenuProvider, CertificationMenu>();
        services.AddTrainingPdf();
        services.AddDocumentSigning();
        services.AddSingleton<CertificatePdfRenderer>();
        services.AddSingleton<CertificateAssets>();
        services.AddSingleton<CertificatePreview>();
        services.AddScoped<IssuerMarks>();
        services.AddScoped<ProgrammeTemplates>();
        services.AddSingleton<CertificateFiles>();
        services.AddScoped<Training.Abstractions.Storage.IBlobOwner, CertificateBlobOwner>();
        services.AddSingleton<PublicUrls>();
        services.AddSingleton<SigningKey>();
        services.AddSingleton<IStartupTask, SigningKeyStartup>();
        services.AddScoped<CertificatePdfService>();
        services.AddScoped<CertificateIssuer>();
        services.AddScoped<CertificateActions>();
        services.AddMemoryCache();
        services.AddSingleton<VerificationCache>();
        services.AddOutputCache();
        services.AddOptions<OutputCacheOptions>().Configure<TimeProvider>((o, clock) =>
            o.AddPolicy(VerificationPageCachePolicy.Name, new VerificationPageCachePolicy(clock)));
        services.AddScoped<VerificationService>();
        services.AddSingleton<CertificateSignatures>();
        services.AddScoped<CredentialService>();
        services.AddScoped<CertificateQuery>();
        services.AddScoped<CertificateExports>();
        services.AddScoped<CertificateLedger>();
        services.AddScoped<ICertificateLedger>(sp => sp.GetRequiredService<CertificateLedger>());
        services.AddScoped<ICertificateHistory>(sp => sp.GetRequiredService<CertificateLedger>());
        services.AddScoped<CycleOpener>();
        services.AddScoped<RecertificationScanner>();
        services.AddSingletonJob<RecertificationJob>();
        services.AddDomainEvent<RecertificationOpened>();
        services.AddScoped<IDomainEventHandler<CourseRevised>, CourseRevisedHandler>();
        services.AddDomainEvent<CourseRevised>();
        services.AddScoped<IDomainEventHandler<CourseCompleted>, CourseCompletedHandler>();
        services.AddDomainEvent<CourseCompleted>();
        services.AddDomainEvent<CertificateIssued>();
        services.AddScoped<IDomainEventHandler<CertificateIssued>, Mail.CertificateMailQueue>();
        services.AddScoped<IDomainEventHandler<Mail.CertificateMail>, Mail.CertificateMailSender>();
        services.AddScoped<Mail.CertificateMailText>();
        services.AddDomainEvent<Mail.CertificateMail>();
        services.AddDomainEvent<CertificateRevoked>();
        services.AddOutboxDispatcher<CertificationDbContext>();
        services.AddSingletonJob<PendingPdfWorker>();
        services.AddSingleton<IDemoSeeder, CertificationDemoSeeder>();
        services.AddSingleton<ICliVerb, IssueBulkVerb>();
        services.AddSingleton<ICliVerb, CheckCertificatesVerb>();
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<CertificationOptions>>((o, c) => o.AddPolicy(CertificateApi.VerifyPolicy,
            ctx => RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = c.Value.VerifyPermitsPerMinute, Window = TimeSpan.FromMinutes(1) })));
        return services;
    }

    public static IEndpointRouteBuilder MapCertification(this IEndpointRouteBuilder endpoints) => endpoints.MapCertificateApi().MapAdminImages();
}
