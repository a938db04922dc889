using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Organisation;
using Training.Abstractions.Security;
using Training.Organisation.Data;

namespace Training.Organisation.Roster;

/// <summary>Imports staff from a roster file: creates and updates people, units and assignments.
/// All-or-nothing: any error leaves the database untouched. Re-importing the same file changes nothing.
/// People are matched on staff code, then on e-mail.</summary>
public sealed class RosterImporter(OrganisationDbContext db, ILookupNormalizer normalizer, TimeProvider clock)
{
    public async Task<RosterImportResult> ImportAsync(Stream file, UnitScope scope, CancellationToken ct = default)
    {
        var (rows, errors) = RosterParser.Parse(file);
        if (errors.Count > 0) return new RosterImportResult(errors, 0, 0, 0, 0);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var tree = new UnitTree(await db.Units.ToListAsync(ct));
        var codes = rows.Select(r => r.StaffCode.ToUpperInvariant()).ToList();
        var emails = rows.Where(r => r.Email is not null).Select(r => normalizer.NormalizeEmail(r.Email)!).ToList();
        var existing = await db.Users.Where(u => codes.Contains(u.StaffCode.ToUpper()) || (u.NormalizedEmail != null && emails.Contains(u.NormalizedEmail))).ToListAsync(ct);
        var byCode = existing.ToDictionary(u => u.StaffCode, StringComparer.OrdinalIgnoreCase);
        var byEmail = existing.Where(u => u.NormalizedEmail != null).ToDictionary(u => u.NormalizedEmail!);
        var existingIds = existing.Select(u => u.Id).ToList();
        var memberships = (await db.Memberships.Where(m => existingIds.Contains(m.UserId)).ToListAsync(ct)).ToLookup(m => m.UserId);
        var learnerRole = await db.Roles.Where(r => r.Name == BuiltInRoles.Learner).Select(r => r.Id).FirstAsync(ct);

        int created = 0, updated = 0, unchanged = 0;
        foreach (var row in rows)
        {
            var rowErrors = new List<RosterError>();
            var units = new List<OrgUnit>();
            foreach (var path in row.ExtraUnitPaths.Prepend(row.UnitPath))
            {
                var column = units.Count == 0 ? RosterColumns.Unit : RosterColumns.ExtraUnits;
                if (!InScope(tree, path, scope))
                {
                    rowErrors.Add(new(row.Line, column, $"Đơn vị «{string.Join(" > ", path)}» nằm ngoài phạm vi bạn quản lý."));
                    continue;
                }
                units.Add(tree.GetOrCreate(path));
            }

            var normalizedEmail = row.Email is null ? null : normalizer.NormalizeEmail(row.Email);
            var user = byCode.GetValueOrDefault(row.StaffCode) ?? (normalizedEmail is null ? null : byEmail.GetValueOrDefault(normalizedEmail));
            if (user is not null && normalizedEmail is not null && byEmail.TryGetValue(normalizedEmail, out var owner) && owner.Id != user.Id)
                rowErrors.Add(new(row.Line, RosterColumns.Email, $"Email «{row.Email}» đã thuộc về cán bộ mã «{owner.StaffCode}»."));
            if (user is not null && !scope.All && !memberships[user.Id].Any(m => scope.Contains(m.UnitId)) && !scope.Contains(user.PrimaryUnitId))
                rowErrors.Add(new(row.Line, RosterColumns.StaffCode, $"Cán bộ mã «{user.StaffCode}» thuộc đơn vị ngoài phạm vi bạn quản lý."));
            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors);
                continue;
            }

            var primary = units[0];
            var wanted = units.Select(u => u.Id).Distinct().ToList();
            if (user is null)
            {
                user = NewUser(row, normalizedEmail, primary.Id);
                db.Users.Add(user);
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = learnerRole });
                foreach (var unitId in wanted) db.Memberships.Add(new UnitMembership { UserId = user.Id, UnitId = unitId, IsPrimary = unitId == primary.Id });
                byCode[row.StaffCode] = user;
                if (normalizedEmail is not null) byEmail[normalizedEmail] = user;
                created++;
                continue;
            }

            var changed = Apply(user, row, normalizedEmail, primary.Id);
            changed |= SyncMemberships(user.Id, memberships[user.Id].ToList(), wanted, primary.Id, scope);
            if (changed) updated++; else unchanged++;
        }

        if (errors.Count > 0)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new RosterImportResult(errors.OrderBy(e => e.Line).ToList(), 0, 0, 0, 0);
        }
        db.Units.AddRange(tree.Created);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new RosterImportResult([], created, updated, unchanged, tree.Created.Count);
    }

    private static bool InScope(UnitTree tree, IReadOnlyList<string> path, UnitScope scope)
    {
        if (scope.All) return true;
        // A new unit may be created only below an existing unit of the scope.
        var anchor = tree.Find(path) ?? tree.DeepestExisting(path);
        return anchor is not null && scope.Contains(anchor.Id);
    }

    private TrainingUser NewUser(RosterRow row, string? normalizedEmail, Guid primaryUnit) => new()
    {
        Id = Guid.NewGuid().ToString(),
        UserName = row.StaffCode.ToLowerInvariant(),
        NormalizedUserName = normalizer.NormalizeName(row.StaffCode),
        Email = row.Email,
        NormalizedEmail = normalizedEmail,
        EmailConfirmed = row.Email is not null,
        SecurityStamp = Guid.NewGuid().ToString("N"),
        ConcurrencyStamp = Guid.NewGuid().ToString(),
        LockoutEnabled = true,
        StaffCode = row.StaffCode,
        FullName = row.FullName,
        Position = row.Position,
        StaffCategory = row.StaffCategory,
        PrimaryUnitId = primaryUnit,
        CreatedAt = clock.GetUtcNow(),
    };

    private static bool Apply(TrainingUser user, RosterRow row, string? normalizedEmail, Guid primaryUnit)
    {
        var changed = false;
        void Set<T>(T current, T value, Action<T> assign)
        {
            if (EqualityComparer<T>.Default.Equals(current, value)) return;
            assign(value);
            changed = true;
        }
        Set(user.StaffCode, row.StaffCode, v => user.StaffCode = v);
        Set(user.FullName, row.FullName, v => user.FullName = v);
        if (row.Email is not null)
        {
            Set(user.Email, row.Email, v => user.Email = v);
            Set(user.NormalizedEmail, normalizedEmail, v => user.NormalizedEmail = v);
        }
        Set(user.Position, row.Position, v => user.Position = v);
        Set(user.StaffCategory, row.StaffCategory, v => user.StaffCategory = v);
        Set(user.PrimaryUnitId, primaryUnit, v => user.PrimaryUnitId = v);
        return changed;
    }

    private bool SyncMemberships(string userId, List<UnitMembership> current, List<Guid> wanted, Guid primary, UnitScope scope)
    {
        var changed = false;
        foreach (var m in current.Where(m => scope.Contains(m.UnitId) && !wanted.Contains(m.UnitId)))
        {
            db.Memberships.Remove(m);
            changed = true;
        }
        foreach (var unitId in wanted)
        {
            var m = current.FirstOrDefault(x => x.UnitId == unitId);
            if (m is null)
            {
                db.Memberships.Add(new UnitMembership { UserId = userId, UnitId = unitId, IsPrimary = unitId == primary });
                changed = true;
            }
            else if (m.IsPrimary != (unitId == primary))
            {
                m.IsPrimary = unitId == primary;
                changed = true;
            }
        }
        foreach (var m in current.Where(m => !wanted.Contains(m.UnitId) && m.IsPrimary && !scope.Contains(m.UnitId)))
        {
            m.IsPrimary = false;
            changed = true;
        }
        return changed;
    }
}
