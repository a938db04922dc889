using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Hosting;
using Training.Abstractions.Navigation;
using Training.Abstractions.Security;
using Training.Platform.Cluster;
using Training.Platform.Data;
using Training.Platform.Pdf;
using Training.Platform.Signing;
using Training.Reporting.Api;
using Training.Reporting.Coverage;
using Microsoft.AspNetCore.Authentication;
using Training.Reporting.Data;
using Training.Reporting.Exports;
using Training.Reporting.Reminders;
using Training.Reporting.Reports;
using Training.Platform.Outbox;
using Training.Abstractions.Events;
using Training.Abstractions.Certificates;
using Training.Reporting.Seed;

namespace Training.Reporting;

/// <summary>Plans and targets, coverage against them, the HR dashboard, exports, the yearly report, reminders and the HR API.</summary>
public static class ReportingModule
{
    public const string Name = "reporting";

    public static IServiceCollection AddReporting(this IServiceCollection services)
    {
        services.AddTrainingDbContext<ReportingDbContext, ReportingSqliteDbContext, ReportingPostgresDbContext>(Name, order: 40);
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<IMenuProvider, ReportingMenu>();
        services.AddSingleton<IDemoSeeder, DemoPlansSeeder>();
        services.AddOptions<ReportingOptions>().BindConfiguration(ReportingOptions.Section);
        services.AddMemoryCache();
        services.AddScoped<TargetDataLoader>();
        services.AddScoped<Status.StatusCounts>();
        services.AddScoped<Status.PersonStatusBackfill>();
        services.AddSingleton<IStartupTask, Status.StatusBackfillStartup>();
        services.AddSingleton<IDemoSeeder, Status.StatusDemoSeeder>();
        services.AddSingleton<Training.Abstractions.Cli.ICliVerb, Status.RebuildStatusVerb>();
        services.AddScoped<Status.StatusRefresher>();
        services.AddScoped<Status.CoverBuilder>();
        services.AddScoped<Status.CoverMaintenance>();
        services.AddScoped<CoverCounts>();
        services.AddScoped<IDomainEventHandler<Status.CoverSetsWanted>, Status.CoverSetsWantedHandler>();
        services.AddDomainEvent<Status.CoverSetsWanted>();
        services.AddScoped<Status.CertificateStatusHandler>();
        services.AddScoped<IDomainEventHandler<CertificateIssued>>(sp => sp.GetRequiredService<Status.CertificateStatusHandler>());
        services.AddScoped<IDomainEventHandler<CertificateRevoked>>(sp => sp.GetRequiredService<Status.CertificateStatusHandler>());
        services.AddSingleton<Training.Abstractions.Organisation.IRosterChangeListener, Status.RosterStatusListener>();
        services.AddSingleton<Training.Abstractions.Organisation.IUnitTreeListener, Status.UnitTreeCoverListener>();
        services.AddScoped<IDomainEventHandler<Status.StaffChanged>, Status.StaffChangedHandler>();
        services.AddDomainEvent<Status.StaffChanged>();
        services.AddSingleton<Status.StatusWalk>();
        services.AddScoped<Status.ResyncRuns>();
        services.AddOptions<Status.StatusResyncOptions>().BindConfiguration(Status.StatusResyncOptions.Section);
        services.AddSingletonJob<Status.StatusResyncJob>();
        services.AddScoped<ReportingQueries>();
        services.AddScoped<Planning.PlanEditor>();
        services.AddScoped<YearlyReportBuilder>();
        services.AddTrainingPdf();
        services.AddDocumentSigning();
        services.AddSingleton<YearlyReportPdf>();
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section);
        services.AddScoped<ReminderScanner>();
        services.AddScoped<IDomainEventHandler<ReminderEmail>, ReminderEmailHandler>();
        services.AddScoped<IDomainEventHandler<RecertificationOpened>, RecertificationNotices>();
        services.AddDomainEvent<RecertificationOpened>();
        services.AddDomainEvent<ReminderEmail>();
        services.AddOutboxDispatcher<ReportingDbContext>();
        services.AddSingletonJob<ReminderService>();
        services.AddScoped<OnceNotifier>();
        services.AddScoped<Heads.TeamQuery>();
        services.AddScoped<Heads.HeadReminders>();
        services.AddScoped<Heads.DigestSender>();
        services.AddScoped<Heads.JobSlots>();
        services.AddOptions<Heads.DigestOptions>().BindConfiguration(Heads.DigestOptions.Section);
        services.AddSingletonJob<Heads.DigestJob>();
        services.AddScoped<Deadlines.DeadlineSender>();
        services.AddScoped<Deadlines.StoredYearlyReport>();
        services.AddScoped<Training.Abstractions.Reports.IReportDeadlines, Deadlines.ComingDeadlines>();
        services.AddOptions<Deadlines.DeadlineOptions>().BindConfiguration(Deadlines.DeadlineOptions.Section);
        services.AddSingletonJob<Deadlines.DeadlineJob>();
        services.AddScoped<ApiKeyService>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null);
        // The host adds the "v1" document; the HR API declares its key scheme in it.
        services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", o => o.AddDocumentTransformer<ApiKeySecurityTransformer>());
        return services;
    }

    public static IEndpointRouteBuilder MapReporting(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapReportingExports();
        endpoints.MapHrApi();
        return endpoints;
    }
}
