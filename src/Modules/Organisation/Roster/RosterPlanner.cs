using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Training.Organisation.Data;

namespace Training.Organisation.Roster;

/// <summary>Turns validated rows, batch by batch, and the people each batch names into a <see cref="RosterPlan"/>: which
/// units to create, whom to create or change, and every row the importer may not apply (outside its authority, an
/// e-mail of someone else ...). Pure computation: nothing is read or written here. Checks across rows (duplicates, two
/// rows naming one person) are done before, in SQL (<see cref="RosterStage"/>), so a batch needs nothing of the others
/// but the unit tree, whose planned units are shared.</summary>
internal sealed class RosterPlanner(RosterSnapshot snapshot, RosterAuthority authority, ILookupNormalizer normalizer, DateTimeOffset now)
{
    private readonly Dictionary<Guid, int> _firstLineOfNewUnit = [];
    private RosterPeople _people = null!;

    /// <summary>Plans one batch into <paramref name="plan"/> (its lists are emptied by the writer between batches).</summary>
    public void Plan(IReadOnlyList<MatchedRow> rows, RosterPeople people, RosterPlan plan)
    {
        _people = people;
        foreach (var row in rows) PlanRow(row, plan);
    }

    /// <summary>After the last batch: the units to create, and the errors in file order.</summary>
    public void Finish(RosterPlan plan)
    {
        plan.NewUnits.AddRange(snapshot.Tree.Created);
        foreach (var unit in snapshot.Tree.Created)
        {
            var close = snapshot.Tree.CloseExisting(unit);
            plan.NewUnitPaths.Add(new PlannedUnit(snapshot.Tree.Describe(unit), _firstLineOfNewUnit.GetValueOrDefault(unit.Id),
                close is null ? null : snapshot.Tree.Describe(close)));
        }
        var sorted = plan.Errors.OrderBy(e => e.Line).ToList();
        plan.Errors.Clear();
        plan.Errors.AddRange(sorted);
    }

    /// <summary>Identifies a set of new units, so that a confirmation given for one set is not taken for another.</summary>
    public static string Fingerprint(IEnumerable<PlannedUnit> units) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", units.Select(u => u.Path).Order(StringComparer.Ordinal)))))[..32];

    private void PlanRow(MatchedRow match, RosterPlan plan)
    {
        var row = match.Row;
        var errors = new List<RosterError>();
        var units = new List<OrgUnit>();
        foreach (var path in row.ExtraUnitPaths.Prepend(row.UnitPath))
        {
            var column = units.Count == 0 && errors.Count == 0 ? RosterColumns.Unit : RosterColumns.ExtraUnits;
            if (!InScope(path))
            {
                errors.Add(new(row.Line, column, $"Đơn vị «{RosterParser.Quote(string.Join(" > ", path))}» nằm ngoài phạm vi bạn quản lý."));
                continue;
            }
            var before = snapshot.Tree.Created.Count;
            units.Add(snapshot.Tree.GetOrCreate(path));
            for (var i = before; i < snapshot.Tree.Created.Count; i++) _firstLineOfNewUnit[snapshot.Tree.Created[i].Id] = row.Line;
        }

        var email = row.Email is null ? null : normalizer.NormalizeEmail(row.Email);
        var byCode = match.ByCode is null ? null : _people.ById.GetValueOrDefault(match.ByCode);
        var byEmail = match.ByEmail is null ? null : _people.ById.GetValueOrDefault(match.ByEmail);
        var user = byCode ?? byEmail;
        if (byCode is not null && Refusal(byCode) is { } codeRefusal)
            errors.Add(new(row.Line, RosterColumns.StaffCode, $"Mã cán bộ «{row.StaffCode}» là của một người {codeRefusal}: bạn không được sửa người này."));
        else if (byCode is null && byEmail is not null && Refusal(byEmail) is { } emailRefusal)
            errors.Add(new(row.Line, RosterColumns.Email, $"Email «{row.Email}» là của một người {emailRefusal}: bạn không được sửa người này."));
        else if (user is not null && byEmail is not null && byEmail.Id != user.Id)
            errors.Add(new(row.Line, RosterColumns.Email, Refusal(byEmail) is null
                ? $"Email «{row.Email}» đã thuộc về cán bộ mã «{byEmail.StaffCode}»."
                : $"Email «{row.Email}» đã được dùng cho một tài khoản ngoài phạm vi bạn quản lý."));
        if (user is null && match.NameTaken)
            errors.Add(new(row.Line, RosterColumns.StaffCode, $"Mã cán bộ «{row.StaffCode}» trùng tên đăng nhập của một tài khoản đã có."));

        if (errors.Count > 0)
        {
            plan.Errors.AddRange(errors);
            return;
        }

        var primary = units[0].Id;
        var wanted = units.Select(u => u.Id).Distinct().ToList();
        if (user is null)
        {
            Create(row, email, primary, wanted, plan);
            return;
        }
        var current = _people.Memberships[user.Id].ToList();
        var updated = Apply(user, row, email, primary);
        var membershipsChanged = SyncMemberships(user.Id, current, wanted, primary, plan);
        if (updated is null && !membershipsChanged)
        {
            plan.Unchanged++;
            return;
        }
        updated ??= Copy(user);
        updated.ConcurrencyStamp = Guid.NewGuid().ToString();
        plan.ChangedUsers.Add(updated);
        plan.Updated++;
        plan.ExpectedStamps.Add(new ExpectedStamp(user.Id, user.ConcurrencyStamp));
    }

    private string? Refusal(KnownPerson user) => authority.Refusal(_people.Describe(user), snapshot.GrantedOnImport);

    /// <summary>A path is in scope when its deepest existing unit is (a new unit may be created only below a unit of the
    /// scope). Units planned by earlier rows do not count, so several rows may name the same new unit.</summary>
    private bool InScope(IReadOnlyList<string> path)
    {
        if (authority.Scope.All) return true;
        var anchor = snapshot.Tree.DeepestExisting(path);
        return anchor is not null && authority.Scope.Contains(anchor.Id);
    }

    private void Create(RosterRow row, string? email, Guid primary, List<Guid> wanted, RosterPlan plan)
    {
        var user = new TrainingUser
        {
            Id = Guid.NewGuid().ToString(),
            UserName = row.StaffCode.ToLowerInvariant(),
            NormalizedUserName = normalizer.NormalizeName(row.StaffCode),
            Email = row.Email,
            NormalizedEmail = email,
            EmailConfirmed = row.Email is not null,
            SecurityStamp = NewSecurityStamp(),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
            StaffCode = row.StaffCode,
            FullName = row.FullName,
            Position = row.Position,
            StaffCategory = row.StaffCategory,
            PrimaryUnitId = primary,
            CreatedAt = now,
        };
        plan.NewUsers.Add(user);
        plan.Created++;
        plan.NewUserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = snapshot.ImportRoleId });
        foreach (var unitId in wanted) plan.MembershipUpserts.Add(new UnitMembership { UserId = user.Id, UnitId = unitId, IsPrimary = unitId == primary });
    }

    /// <summary>The person with the row's values, or null when nothing changes. A new e-mail or staff code (what the
    /// person signs in with) renews the security stamp, as Identity's own SetEmail and SetUserName do.</summary>
    private static TrainingUser? Apply(KnownPerson user, RosterRow row, string? email, Guid primary)
    {
        var emailChanges = row.Email is not null && (user.Email != row.Email || user.NormalizedEmail != email);
        var codeChanges = user.StaffCode != row.StaffCode;
        if (!emailChanges && !codeChanges && user.FullName == row.FullName && user.Position == row.Position
            && user.StaffCategory == row.StaffCategory && user.PrimaryUnitId == primary) return null;
        var copy = Copy(user);
        copy.StaffCode = row.StaffCode;
        copy.FullName = row.FullName;
        copy.Position = row.Position;
        copy.StaffCategory = row.StaffCategory;
        copy.PrimaryUnitId = primary;
        if (emailChanges)
        {
            copy.Email = row.Email;
            copy.NormalizedEmail = email;
        }
        if (emailChanges || codeChanges) copy.SecurityStamp = NewSecurityStamp();
        return copy;
    }

    /// <summary>Within the importer's scope the person's memberships become the row's; memberships outside it are kept
    /// (another HR's concern) but lose the primary flag when the row names a new primary unit.</summary>
    private bool SyncMemberships(string userId, List<UnitMembership> current, List<Guid> wanted, Guid primary, RosterPlan plan)
    {
        var changed = false;
        foreach (var m in current.Where(m => !wanted.Contains(m.UnitId)))
        {
            if (authority.Scope.Contains(m.UnitId)) plan.MembershipRemovals.Add(m);
            else if (m.IsPrimary) plan.MembershipUpserts.Add(new UnitMembership { UserId = userId, UnitId = m.UnitId, IsPrimary = false });
            else continue;
            changed = true;
        }
        foreach (var unitId in wanted)
        {
            var m = current.FirstOrDefault(x => x.UnitId == unitId);
            if (m is not null && m.IsPrimary == (unitId == primary)) continue;
            plan.MembershipUpserts.Add(new UnitMembership { UserId = userId, UnitId = unitId, IsPrimary = unitId == primary });
            changed = true;
        }
        return changed;
    }

    private static string NewSecurityStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(20));

    /// <summary>The person as the write stages a change: the id and the columns an import may change
    /// (<see cref="RosterWriter"/> writes only those), taken from the snapshot's projection.</summary>
    private static TrainingUser Copy(KnownPerson u) => new()
    {
        Id = u.Id, Email = u.Email, NormalizedEmail = u.NormalizedEmail, SecurityStamp = u.SecurityStamp, ConcurrencyStamp = u.ConcurrencyStamp,
        FullName = u.FullName, StaffCode = u.StaffCode, Position = u.Position, StaffCategory = u.StaffCategory, PrimaryUnitId = u.PrimaryUnitId,
    };
}
