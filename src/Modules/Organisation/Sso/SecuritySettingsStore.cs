using Microsoft.EntityFrameworkCore;
using Training.Organisation.Data;

namespace Training.Organisation.Sso;

/// <summary>The sign-in settings administrators change on <c>/admin/security</c>, kept in the database so every
/// node sees the same value.</summary>
public sealed class SecuritySettingsStore(OrganisationDbContext db)
{
    public const string LocalPasswordsOffKey = "security.local_passwords_off";

    /// <summary>True when staff must sign in through single sign-on; holders of the administration permission
    /// (break-glass administrators) keep their local password.</summary>
    public async Task<bool> LocalPasswordsOffAsync(CancellationToken ct = default) =>
        await db.Settings.AsNoTracking().Where(s => s.Key == LocalPasswordsOffKey).Select(s => s.Value).FirstOrDefaultAsync(ct) == "true";

    public async Task SetLocalPasswordsOffAsync(bool off, CancellationToken ct = default)
    {
        var row = await db.Settings.FirstOrDefaultAsync(s => s.Key == LocalPasswordsOffKey, ct);
        if (row is null) db.Settings.Add(row = new OrgSetting { Key = LocalPasswordsOffKey });
        row.Value = off ? "true" : "false";
        await db.SaveChangesAsync(ct);
    }
}
