using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Training.Organisation.Data;

namespace Training.Organisation.Identity;

/// <summary>Slows down password guessing without letting anyone lock an account out.
/// <list type="bullet">
/// <item>Failures are counted per account <em>and</em> client address: after 5, that client waits 1 minute before its
/// next try, doubling with each further failure up to 15 minutes. Other clients, the owner's among them, are not
/// affected.</item>
/// <item>Failures from clients that never signed in to the account from that browser (no device cookie, see
/// <see cref="LoginDevices"/>) are also counted per account: after 20 such failures from anywhere (a distributed
/// attack), untrusted clients wait the same way, while the owner's usual browser still signs in.</item>
/// <item>A name that matches no account is counted exactly like one that does, so the answers do not tell them apart.</item>
/// </list>
/// Counts are forgotten 24 hours after the last failure; a successful sign-in clears its client's count.
/// Kept in the database so that several nodes share them. Identity's own lock-out is left to administrators.</summary>
public sealed class LoginThrottle(OrganisationDbContext db, TimeProvider clock)
{
    public const int FreePerClient = 5;
    public const int FreePerAccountFromUntrustedClients = 20;
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Forget = TimeSpan.FromHours(24);

    /// <summary>How long this client must wait before trying this account again; null when it may try now.</summary>
    public async Task<TimeSpan?> RetryAfterAsync(string account, IPAddress? client, bool trustedDevice, CancellationToken ct)
    {
        var keys = Keys(account, client, trustedDevice);
        var now = clock.GetUtcNow();
        var blocked = await db.LoginFailures.AsNoTracking()
            .Where(f => keys.Contains(f.Key) && f.BlockedUntil != null && f.BlockedUntil > now)
            .Select(f => f.BlockedUntil!.Value).ToListAsync(ct);
        return blocked.Count == 0 ? null : blocked.Max() - now;
    }

    public async Task RecordFailureAsync(string account, IPAddress? client, bool trustedDevice, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var stale = now - Forget;
        await db.LoginFailures.Where(f => f.LastFailureAt < stale && (f.BlockedUntil == null || f.BlockedUntil < now)).ExecuteDeleteAsync(ct);
        var keys = Keys(account, client, trustedDevice);
        await CountAsync(keys[0], FreePerClient, now, ct);
        if (keys.Length > 1) await CountAsync(keys[1], FreePerAccountFromUntrustedClients, now, ct);
    }

    public Task RecordSuccessAsync(string account, IPAddress? client, CancellationToken ct)
    {
        var key = ClientKey(account, client);
        return db.LoginFailures.Where(f => f.Key == key).ExecuteDeleteAsync(ct);
    }

    /// <summary>The delay after <paramref name="failures"/> failures when <paramref name="free"/> are allowed.</summary>
    public static TimeSpan? Delay(int failures, int free) =>
        failures < free ? null : TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, FirstDelay.Ticks << Math.Min(failures - free, 10)));

    private async Task CountAsync(string key, int free, DateTimeOffset now, CancellationToken ct)
    {
        var failures = await IncrementAsync(key, now, ct);
        if (Delay(failures, free) is { } delay)
        {
            var until = now + delay;
            await db.LoginFailures.Where(f => f.Key == key).ExecuteUpdateAsync(s => s.SetProperty(f => f.BlockedUntil, until), ct);
        }
    }

    /// <summary>Atomic increment (concurrent failures must all count); inserts the row on the first failure.</summary>
    private async Task<int> IncrementAsync(string key, DateTimeOffset now, CancellationToken ct)
    {
        var updated = await db.LoginFailures.Where(f => f.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Failures, f => f.Failures + 1).SetProperty(f => f.LastFailureAt, now), ct);
        if (updated == 0)
        {
            db.LoginFailures.Add(new LoginFailure { Key = key, Failures = 1, LastFailureAt = now });
            try
            {
                await db.SaveChangesAsync(ct);
                return 1;
            }
            catch (DbUpdateException)
            {
                // Another failure inserted the row first: count on it.
                db.ChangeTracker.Clear();
                return await IncrementAsync(key, now, ct);
            }
        }
        return await db.LoginFailures.AsNoTracking().Where(f => f.Key == key).Select(f => f.Failures).FirstAsync(ct);
    }

    private static string[] Keys(string account, IPAddress? client, bool trustedDevice) =>
        trustedDevice ? [ClientKey(account, client)] : [ClientKey(account, client), Hash("account|" + account)];

    private static string ClientKey(string account, IPAddress? client) => Hash("client|" + account + "|" + ClientNetwork(client));

    /// <summary>The client's address; for IPv6 its /64 network, since one subscriber usually holds a whole /64.</summary>
    public static string ClientNetwork(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static string Hash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
