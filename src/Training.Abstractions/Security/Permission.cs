namespace Training.Abstractions.Security;

/// <summary>A right declared by a module. Endpoints require permissions, never role names.</summary>
/// <param name="Name">Stable name, also the authorization policy name (e.g. <c>Courses.Author</c>).</param>
/// <param name="Description">Vietnamese description shown to administrators.</param>
public sealed record Permission(string Name, string Description);

/// <summary>The claim type that carries a granted permission name.</summary>
public static class PermissionClaim
{
    /// <summary>Claim type used on role claims and on the signed-in principal.</summary>
    public const string Type = "permission";
}
