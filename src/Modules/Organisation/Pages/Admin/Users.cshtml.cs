using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Security;
using Training.Abstractions.Text;
using Training.Organisation.Data;
using Training.Organisation.Identity;
using Training.Platform.Text;

namespace Training.Organisation.Pages.Admin;

/// <summary>Every account, paged in SQL in a stable order (name, then user name, then id), with the total; the search
/// matches name, user name, staff code, e-mail and primary unit.</summary>
[Authorize(Policy = Permissions.ManageUsers)]
public sealed class UsersModel(OrganisationDbContext db, UserManager<TrainingUser> users) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;

    /// <summary>Only accounts holding this built-in role (administrators find the privileged accounts this way).</summary>
    [BindProperty(SupportsGet = true)] public string? Filter { get; set; }
    public List<Row> Users { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages { get; private set; }
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public sealed record Row(string Id, string? UserName, string FullName, string StaffCode, string? Email, string? UnitName, List<string> Roles, Guid? ScopeUnitId, string? Scope);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostRoleAsync(string userId, string role, Guid? scopeUnitId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || !BuiltInRoles.DisplayNames.ContainsKey(role)) return NotFound();
        if (scopeUnitId is { } unit && !await db.Units.AnyAsync(u => u.Id == unit)) return NotFound();
        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current);
        await users.AddToRoleAsync(user, role);
        user.ScopeUnitId = scopeUnitId;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        Message = $"Đã cập nhật tài khoản {user.UserName}.";
        await LoadAsync();
        return Page();
    }

    /// <summary>Sets a random temporary password, shown once to the administrator (imported staff have none).</summary>
    public async Task<IActionResult> OnPostResetAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return NotFound();
        var password = TemporaryPassword.Create();
        await users.RemovePasswordAsync(user);
        var result = await users.AddPasswordAsync(user, password);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        Message = result.Succeeded
            ? $"Mật khẩu tạm thời của {user.UserName}: {password} (chỉ hiển thị một lần; yêu cầu người dùng đổi mật khẩu sau khi đăng nhập)."
            : string.Join(" ", result.Errors.Select(e => e.Description));
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var query = db.Users.AsNoTracking();
        var q = VietnameseText.Clean(Q);
        if (q.Length > TextLimits.Line)
        {
            Error = $"Từ khóa tìm kiếm dài {q.Length} ký tự, tối đa {TextLimits.Line}.";
            q = "";
        }
        if (q.Length > 0)
        {
            var matchingUnits = db.Units.Where(u => u.Name.Contains(q)).Select(u => u.Id);
            query = query.Where(u => u.FullName.Contains(q) || u.UserName!.Contains(q) || u.StaffCode.Contains(q)
                || (u.Email != null && u.Email.Contains(q)) || (u.PrimaryUnitId != null && matchingUnits.Contains(u.PrimaryUnitId.Value)));
        }
        if (Filter is { } wanted && BuiltInRoles.DisplayNames.ContainsKey(wanted))
        {
            var holders = from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where r.Name == wanted select ur.UserId;
            query = query.Where(u => holders.Contains(u.Id));
        }
        Total = await query.CountAsync();
        Pages = Math.Max(1, (Total + PageSize - 1) / PageSize);
        P = Math.Clamp(P, 1, Pages);
        var list = await query.OrderBy(u => u.FullName).ThenBy(u => u.UserName).ThenBy(u => u.Id)
            .Skip((P - 1) * PageSize).Take(PageSize).ToListAsync();
        var ids = list.Select(u => u.Id).ToList();
        var roles = (await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name }).ToListAsync())
            .ToLookup(r => r.UserId, r => r.Name!);
        // Only the page's units are read (one page of people), not the whole tree.
        var unitIds = list.SelectMany(u => new[] { u.PrimaryUnitId, u.ScopeUnitId }).OfType<Guid>().Distinct().ToList();
        var names = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name);
        Users = list.Select(u => new Row(u.Id, u.UserName, u.FullName, u.StaffCode, u.Email, u.PrimaryUnitId is { } p ? names.GetValueOrDefault(p) : null,
            roles[u.Id].ToList(), u.ScopeUnitId, u.ScopeUnitId is { } s ? names.GetValueOrDefault(s) : null)).ToList();
    }
}
