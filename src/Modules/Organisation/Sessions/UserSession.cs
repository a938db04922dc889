namespace Training.Organisation.Sessions;

/// <summary>A signed-in session: the authentication ticket kept on the server, so that signing out (or an
/// administrator) can end it at once on every node. The cookie carries only <see cref="Id"/>.</summary>
public sealed class UserSession
{
    /// <summary>Random, unguessable key (256 bits, base64url); the primary key looked up on every request.</summary>
    public string Id { get; set; } = "";

    public string UserId { get; set; } = "";

    /// <summary>The serialised ticket, protected with data protection (it holds the principal's claims).</summary>
    public byte[] Ticket { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
