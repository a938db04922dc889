using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Training.Organisation.Data;

public class OrganisationDbContext : IdentityDbContext<TrainingUser, TrainingRole, string>
{
    public OrganisationDbContext(DbContextOptions<OrganisationDbContext> options) : base(options) { }

    protected OrganisationDbContext(DbContextOptions options) : base(options) { }

    public DbSet<OrgUnit> Units => Set<OrgUnit>();
    public DbSet<UnitMembership> Memberships => Set<UnitMembership>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<TrainingUser>(e =>
        {
            e.Property(x => x.FullName).HasMaxLength(200);
            e.Property(x => x.StaffCode).HasMaxLength(64);
            e.Property(x => x.Position).HasMaxLength(200);
            e.Property(x => x.StaffCategory).HasMaxLength(200);
            e.Property(x => x.PreferredLanguage).HasMaxLength(8);
            e.HasIndex(x => x.StaffCode).IsUnique();
            e.HasIndex(x => x.PrimaryUnitId);
        });
        builder.Entity<OrgUnit>(e =>
        {
            e.ToTable("org_units");
            e.HasKey(x => x.Id);
            e.Property(x => x.Code).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(300);
            e.Property(x => x.Kind).HasMaxLength(100);
            e.Property(x => x.Path).HasMaxLength(2000);
            e.HasIndex(x => x.Code).IsUnique();
            e.HasIndex(x => x.Path);
            e.HasIndex(x => new { x.ParentId, x.Name }).IsUnique();
        });
        builder.Entity<UnitMembership>(e =>
        {
            e.ToTable("org_memberships");
            e.HasKey(x => new { x.UserId, x.UnitId });
            e.HasIndex(x => x.UnitId);
        });
    }
}

public sealed class OrganisationSqliteDbContext(DbContextOptions<OrganisationSqliteDbContext> options) : OrganisationDbContext(options);

public sealed class OrganisationPostgresDbContext(DbContextOptions<OrganisationPostgresDbContext> options) : OrganisationDbContext(options);
