using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Organisation;
using Training.Abstractions.Text;
using Training.Organisation.Data;
using Training.Platform.Text;

namespace Training.Organisation.Heads;

/// <summary>Explicit head assignments: made and ended only inside the actor's scope, for a person of that scope. The
/// person's security stamp changes so their sign-in picks up (or loses) the head permission within a minute.</summary>
public sealed class UnitHeadAssignments(OrganisationDbContext db, UserManager<TrainingUser> users, TimeProvider clock)
{
    /// <summary>Null when assigned, else the Vietnamese reason.</summary>
    public async Task<string?> AssignAsync(UnitScope scope, string actor, Guid unitId, string? staffCode, CancellationToken ct = default)
    {
        var code = VietnameseText.Clean(staffCode);
        if (code.Length == 0) return "Mã cán bộ: bắt buộc.";
        if (code.Length > TextLimits.Code) return $"Mã cán bộ: tối đa {TextLimits.Code} ký tự.";
        if (!scope.Contains(unitId) || !await db.Units.AnyAsync(u => u.Id == unitId, ct)) return "Đơn vị: không có trong phạm vi quản lý.";
        var user = await db.Users.FirstOrDefaultAsync(u => u.StaffCode == code && u.IsActive, ct);
        if (user is null) return $"Mã cán bộ: không tìm thấy cán bộ \"{code}\".";
        if (!scope.All && !await db.Memberships.AnyAsync(m => m.UserId == user.Id && scope.UnitIds.Contains(m.UnitId), ct))
            return $"Mã cán bộ: cán bộ \"{code}\" không thuộc phạm vi quản lý.";
        if (await db.UnitHeads.AnyAsync(h => h.UnitId == unitId && h.UserId == user.Id && h.EndedAt == null, ct))
            return $"Cán bộ \"{code}\" đã là trưởng đơn vị này.";
        db.UnitHeads.Add(new UnitHeadAssignment
        {
            Id = Guid.NewGuid(), UnitId = unitId, UserId = user.Id, AssignedBy = actor, AssignedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        await users.UpdateSecurityStampAsync(user);
        return null;
    }

    /// <summary>Ends an assignment of the scope; false when there is none to end.</summary>
    public async Task<bool> EndAsync(UnitScope scope, string actor, Guid assignmentId, CancellationToken ct = default)
    {
        var row = await db.UnitHeads.FirstOrDefaultAsync(h => h.Id == assignmentId && h.EndedAt == null, ct);
        if (row is null || !scope.Contains(row.UnitId)) return false;
        row.EndedAt = clock.GetUtcNow();
        row.EndedBy = actor;
        await db.SaveChangesAsync(ct);
        if (await users.FindByIdAsync(row.UserId) is { } user) await users.UpdateSecurityStampAsync(user);
        return true;
    }
}
