using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Security;
using Training.Organisation.Data;
using Training.Organisation.Identity;

namespace Training.Organisation.Pages.Admin;

/// <summary>Accounts: role and HR scope. Shows at most 100 matches; search narrows.</summary>
[Authorize(Policy = Permissions.ManageUsers)]
public sealed class UsersModel(OrganisationDbContext db, UserManager<TrainingUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public List<Row> Users { get; private set; } = [];
    public List<OrgUnit> Units { get; private set; } = [];
    public string? Message { get; private set; }

    public sealed record Row(string Id, string? UserName, string FullName, List<string> Roles, Guid? ScopeUnitId, string? Scope);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostRoleAsync(string userId, string role, Guid? scopeUnitId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || !BuiltInRoles.DisplayNames.ContainsKey(role)) return NotFound();
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
        Units = await db.Units.AsNoTracking().OrderBy(u => u.Path).ToListAsync();
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(u => u.FullName.Contains(q) || u.UserName!.Contains(q) || u.StaffCode.Contains(q));
        }
        else
        {
            // Without a search, show accounts that hold more than the learner role first.
            query = query.OrderByDescending(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name != BuiltInRoles.Learner)));
        }
        var list = await query.Take(100).ToListAsync();
        var ids = list.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name }).ToListAsync();
        var names = Units.ToDictionary(u => u.Id, u => u.Name);
        Users = list.Select(u => new Row(u.Id, u.UserName, u.FullName, roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToList(),
            u.ScopeUnitId, u.ScopeUnitId is { } s ? names.GetValueOrDefault(s) : null)).ToList();
    }
}
