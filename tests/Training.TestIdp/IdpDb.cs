using Microsoft.EntityFrameworkCore;

namespace Training.TestIdp;

/// <summary>OpenIddict's applications, authorizations and tokens, in an in-memory SQLite database that lives as long
/// as the provider.</summary>
public sealed class IdpDb(DbContextOptions<IdpDb> options) : DbContext(options);
