using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Audiences;
using Training.Abstractions.Cli;
using Training.Abstractions.Hosting;
using Training.Abstractions.Navigation;
using Training.Abstractions.Organisation;
using Training.Abstractions.Security;
using Training.Organisation.Audiences;
using Training.Organisation.Cli;
using Training.Organisation.Data;
using Training.Organisation.Directory;
using Training.Organisation.Heads;
using Training.Organisation.Identity;
using Training.Organisation.Roster;
using Training.Organisation.Seed;
using Training.Organisation.Sso;
using Training.Organisation.Units;
using Training.Platform.Cluster;
using Training.Platform.Data;
using Training.Platform.Outbox;

namespace Training.Organisation;

/// <summary>Identity, roles and permissions, the unit tree and the roster.</summary>
public static class OrganisationModule
{
    public const string Name = "organisation";

    public static IServiceCollection AddOrganisation(this IServiceCollection services)
    {
        services.AddTrainingDbContext<OrganisationDbContext, OrganisationSqliteDbContext, OrganisationPostgresDbContext>(Name, order: 0);
        services.AddTrainingIdentity();
        services.AddTrainingSso();
        services.AddScoped<TwoFactorPolicy>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add(new TwoFactorGate()));
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<IMenuProvider, OrganisationMenu>();
        services.AddScoped<OrgDirectory>();
        services.AddScoped<IOrgDirectory>(sp => sp.GetRequiredService<OrgDirectory>());
        services.AddScoped<IStaffLookup>(sp => sp.GetRequiredService<OrgDirectory>());
        services.AddScoped<IActivePeople>(sp => sp.GetRequiredService<OrgDirectory>());
        services.AddScoped<IRosterKeys, RosterKeys>();
        services.AddScoped<IUserScope, UserScope>();
        services.AddScoped<IUnitSearch, UnitSearch>();
        services.AddOptions<HeadPositions>().BindConfiguration(HeadPositions.Section);
        services.AddScoped<IUnitHeadDirectory, UnitHeadDirectory>();
        services.AddScoped<IUnitHrDirectory, UnitHrDirectory>();
        services.AddScoped<UnitHeadAssignments>();
        services.AddScoped<RolePermissionSync>();
        services.AddOptions<RosterOptions>().BindConfiguration(RosterOptions.Section);
        services.AddScoped<RosterImporter>();
        services.AddScoped<RosterDrafts>();
        services.AddScoped<IRosterSync, RosterSync>();
        services.AddSingleton<IStartupTask, RolePermissionStartup>();
        services.AddSingleton<IDemoSeeder, DemoOrganisationSeeder>();
        services.AddSingleton<IDemoSeeder, DemoAudienceSeeder>();
        services.AddSingleton<ICliVerb, CreateAdminVerb>();
        services.AddSingleton<ICliVerb, ImportRosterVerb>();
        services.AddOutboxDispatcher<OrganisationDbContext>();
        services.AddDomainEvent<AudienceMembershipChanged>();
        services.AddScoped<AudienceEvaluator>();
        services.AddScoped<IAudienceDirectory, AudienceDirectory>();
        services.AddScoped<IAudienceMembership, AudienceMembershipQuery>();
        services.AddSingleton<IRosterChangeListener, AudienceRosterListener>();
        services.AddScoped<Roster.RosterChangeNotifier>();
        services.AddSingletonJob<AudienceDailyJob>();
        services.Configure<RateLimiterOptions>(o => LoginRateLimit.Add(o, permitsPerMinute: 10));
        return services;
    }

    /// <summary>The module's pages are Razor Pages discovered from this assembly; the unit picker's search is the one endpoint.</summary>
    public static IEndpointRouteBuilder MapOrganisation(this IEndpointRouteBuilder endpoints)
    {
        UnitSearchEndpoint.Map(endpoints);
        return endpoints;
    }
}
