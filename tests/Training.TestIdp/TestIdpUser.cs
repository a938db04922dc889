namespace Training.TestIdp;

/// <summary>A person the test provider knows: what they type on its login page and the claims it then vouches for.</summary>
public sealed record TestIdpUser(string UserName, string Password, string Subject, string? StaffCode = null,
    string? Email = null, bool EmailVerified = false, string? Name = null);
