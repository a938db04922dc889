namespace Training.Organisation.Identity;

/// <summary>Failed sign-ins counted under one throttle key (an account and a client address, or an account from
/// any untrusted client). The key is a hash: neither typed names nor addresses are stored.</summary>
public sealed class LoginFailure
{
    public string Key { get; set; } = "";
    public int Failures { get; set; }
    public DateTimeOffset LastFailureAt { get; set; }
    public DateTimeOffset? BlockedUntil { get; set; }
}
