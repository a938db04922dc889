using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Cli;
using Training.Abstractions.Hosting;
using Training.Abstractions.Navigation;
using Training.Abstractions.Organisation;
using Training.Abstractions.Security;
using Training.Organisation.Cli;
using Training.Organisation.Data;
using Training.Organisation.Directory;
using Training.Organisation.Heads;
using Training.Organisation.Identity;
using Training.Organisation.Roster;
using Training.Organisation.Seed;
using Training.Platform.Data;

namespace Training.Organisation;

/// <summary>Identity, roles and permissions, the unit tree and the roster.</summary>
public static class OrganisationModule
{
    public const string Name = "organisation";

    public static IServiceCollection AddOrganisation(this IServiceCollection services)
    {
        services.AddTrainingDbContext<OrganisationDbContext, OrganisationSqliteDbContext, OrganisationPostgresDbContext>(Name, order: 0);
        services.AddTrainingIdentity();
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<IMenuProvider, OrganisationMenu>();
        services.AddScoped<IOrgDirectory, OrgDirectory>();
        services.AddScoped<IUserScope, UserScope>();
        services.AddOptions<HeadPositions>().BindConfiguration(HeadPositions.Section);
        services.AddScoped<IUnitHeadDirectory, UnitHeadDirectory>();
        services.AddScoped<IUnitHrDirectory, UnitHrDirectory>();
        services.AddScoped<UnitHeadAssignments>();
        services.AddScoped<RolePermissionSync>();
        services.AddOptions<RosterOptions>().BindConfiguration(RosterOptions.Section);
        services.AddScoped<RosterImporter>();
        services.AddSingleton<RosterDrafts>();
        services.AddScoped<IRosterSync, RosterSync>();
        services.AddSingleton<IStartupTask, RolePermissionStartup>();
        services.AddSingleton<IDemoSeeder, DemoOrganisationSeeder>();
        services.AddSingleton<ICliVerb, CreateAdminVerb>();
        services.AddSingleton<ICliVerb, ImportRosterVerb>();
        services.Configure<RateLimiterOptions>(o => LoginRateLimit.Add(o, permitsPerMinute: 10));
        return services;
    }

    /// <summary>The module's pages are Razor Pages discovered from this assembly; nothing else to map.</summary>
    public static IEndpointRouteBuilder MapOrganisation(this IEndpointRouteBuilder endpoints) => endpoints;
}
