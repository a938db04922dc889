using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Cli;
using Training.Abstractions.Security;
using Training.Abstractions.Text;
using Training.Organisation.Data;
using Training.Platform.Text;

namespace Training.Organisation.Cli;

/// <summary><c>create-admin &lt;username&gt; &lt;email&gt; [--name "Họ tên"] [--password-stdin]</c>: creates an administrator.
/// Without --password-stdin a strong random password is generated and printed once.</summary>
internal sealed class CreateAdminVerb : ICliVerb
{
    public string Name => "create-admin";
    public string Usage => "create-admin <username> <email> [--name \"Họ và tên\"] [--password-stdin]";

    public async Task<int> RunAsync(CliContext context, CancellationToken ct)
    {
        var args = context.Positional("--name");
        if (args.Count < 2)
        {
            await context.Error.WriteLineAsync($"Usage: {Usage}");
            return 2;
        }
        var name = VietnameseText.Clean(context.Option("--name") ?? args[0]);
        // The staff code is "ADMIN-" and the user name, and must fit the code limit.
        string?[] problems =
        [
            args[0].Length > TextLimits.Code - 6 ? $"the user name has {args[0].Length} characters, at most {TextLimits.Code - 6}." : null,
            args[1].Length > TextLimits.Email ? $"the e-mail has {args[1].Length} characters, at most {TextLimits.Email}." : null,
            name.Length > TextLimits.Name ? $"--name has {name.Length} characters, at most {TextLimits.Name}." : null,
        ];
        if (problems.Any(p => p is not null))
        {
            await context.Error.WriteLineAsync("create-admin failed: " + string.Join(" ", problems.Where(p => p is not null)));
            return 1;
        }
        using var scope = context.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TrainingUser>>();
        var password = context.Has("--password-stdin") ? (await Console.In.ReadLineAsync(ct))?.Trim() : null;
        var generated = password is null;
        password ??= Identity.TemporaryPassword.Create(16);
        var user = new TrainingUser
        {
            UserName = args[0],
            Email = args[1],
            EmailConfirmed = true,
            FullName = name,
            StaffCode = "ADMIN-" + args[0].ToUpperInvariant(),
            Position = "Quản trị hệ thống",
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded) result = await users.AddToRoleAsync(user, BuiltInRoles.Administrator);
        if (!result.Succeeded)
        {
            await context.Error.WriteLineAsync("create-admin failed: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            return 1;
        }
        await context.Out.WriteLineAsync($"Administrator '{user.UserName}' created.");
        if (generated) await context.Out.WriteLineAsync($"Password (shown once, change it after the first login): {password}");
        return 0;
    }
}
