using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Hosting;

namespace Training.Organisation.Identity;

internal sealed class RolePermissionStartup : IStartupTask
{
    public int Order => 0;

    public Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<RolePermissionSync>().RunAsync(ct);
}
