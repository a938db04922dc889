namespace Training.Abstractions.Navigation;

/// <summary>Where a menu item is shown.</summary>
public enum MenuArea
{
    /// <summary>The site's main navigation.</summary>
    Main,
    /// <summary>The administration area (<c>/admin</c>).</summary>
    Admin,
    /// <summary>The HR area (<c>/hr</c>).</summary>
    Hr,
    /// <summary>Candidate landing pages after sign-in: the user lands on the first (lowest order) whose permission they hold.</summary>
    Home,
}

/// <summary>A menu entry contributed by a module.</summary>
/// <param name="Title">Vietnamese title (the key for other UI languages).</param>
/// <param name="Url">Target URL.</param>
/// <param name="Permission">Permission needed to see it; null for everyone (including anonymous visitors).</param>
/// <param name="Description">One line shown on the admin and HR hub pages.</param>
public sealed record MenuItem(MenuArea Area, string Title, string Url, string? Permission, int Order = 100, string? Description = null);

/// <summary>Contributes menu items.</summary>
public interface IMenuProvider
{
    /// <summary>The module's items.</summary>
    IEnumerable<MenuItem> GetItems();
}
