using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Security;
using Training.Organisation.Data;

namespace Training.Organisation.Tests.Pages;

public sealed partial class AdminUsersTests
{
    [Fact]
    public async Task AdministratorResetsAPasswordAndTheUserCanSignInWithIt()
    {
        using var app = new TrainingApp();
        await app.CreateUserAsync("quantri", BuiltInRoles.Administrator);
        var staff = await app.CreateUserAsync("nb0099", BuiltInRoles.Learner);
        var admin = app.CreateBrowser();
        await admin.SignInAsync("quantri");

        var response = await admin.PostFormAsync("/admin/users", new Dictionary<string, string> { ["userId"] = staff.Id }, action: "/admin/users?handler=Reset");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var password = WebUtility.HtmlDecode(TemporaryPattern().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value);
        Assert.True(password.Length >= 10);
        var user = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await user.LoginAsync("nb0099", password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateBrowser().LoginAsync("nb0099")).StatusCode); // the old password is refused
    }

    [Fact]
    public async Task AdministratorMakesAUserHrScopedToAUnitAndTheScopeIsApplied()
    {
        using var app = new TrainingApp();
        var unit = await app.CreateUnitAsync("Sở Giáo dục và Đào tạo Ninh Bình");
        var school = await app.CreateUnitAsync("Trường THPT Hoa Lư A", unit);
        var other = await app.CreateUnitAsync("UBND huyện Cát Hải");
        await app.CreateUserAsync("quantri", BuiltInRoles.Administrator);
        var staff = await app.CreateUserAsync("tccb2", BuiltInRoles.Learner, unit);
        await app.CreateUserAsync("gvnb", BuiltInRoles.Learner, school, fullName: "Nguyễn Thị Trong Phạm Vi");
        await app.CreateUserAsync("gvch", BuiltInRoles.Learner, other, fullName: "Trần Văn Ngoài Phạm Vi");
        var admin = app.CreateBrowser();
        await admin.SignInAsync("quantri");

        var saved = await admin.PostFormAsync("/admin/users", new Dictionary<string, string>
        {
            ["userId"] = staff.Id, ["role"] = BuiltInRoles.HR, ["scopeUnitId"] = unit.Id.ToString(),
        }, action: "/admin/users?handler=Role");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Đã cập nhật tài khoản tccb2.", await saved.Content.ReadAsStringAsync());
        var stored = await app.WithScopeAsync(sp => sp.GetRequiredService<OrganisationDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == staff.Id));
        Assert.Equal(unit.Id, stored.ScopeUnitId);
        var hr = app.CreateBrowser();
        await hr.SignInAsync("tccb2");
        var staffPage = await hr.GetAsync("/hr/staff");
        Assert.Equal(HttpStatusCode.OK, staffPage.StatusCode);
        var html = await staffPage.Content.ReadAsStringAsync();
        Assert.Contains("Nguyễn Thị Trong Phạm Vi", html);
        Assert.DoesNotContain("Trần Văn Ngoài Phạm Vi", html);
        var refused = await hr.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/access-denied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryAccountIsListedPagedInAStableOrderWithTheTotal()
    {
        using var app = new TrainingApp();
        var unit = await app.CreateUnitAsync("Trường THCS Đông Sơn");
        await app.CreateUserAsync("quantri", BuiltInRoles.Administrator, fullName: "Quản Trị");
        await CreateManyAsync(app, unit, 119); // 120 accounts with the administrator
        var admin = app.CreateBrowser();
        await admin.SignInAsync("quantri");

        var pages = new List<List<string>>();
        for (var p = 1; p <= 3; p++)
        {
            var response = await admin.GetAsync($"/admin/users?p={p}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains($"Tổng số: 120 tài khoản · Trang {p}/3", html);
            pages.Add(UserNamePattern().Matches(html).Select(m => m.Groups[1].Value).ToList());
        }

        Assert.Equal([50, 50, 20], pages.Select(p => p.Count));
        var all = pages.SelectMany(p => p).ToList();
        Assert.Equal(120, all.Distinct().Count());
        Assert.Contains("quantri", all);
        var again = UserNamePattern().Matches(await (await admin.GetAsync("/admin/users?p=2")).Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value);
        Assert.Equal(pages[1], again);
    }

    [Theory]
    [InlineData("Phạm Thị Số 007", "nb0007")]
    [InlineData("NB0042", "nb0042")]
    [InlineData("nb0013@dongson.edu.vn", "nb0013")]
    [InlineData("Đông Sơn", null)]
    public async Task SearchFindsByNameStaffCodeEmailAndUnit(string query, string? only)
    {
        using var app = new TrainingApp();
        var unit = await app.CreateUnitAsync("Trường THCS Đông Sơn");
        var other = await app.CreateUnitAsync("Trường THCS Yên Mô");
        await app.CreateUserAsync("quantri", BuiltInRoles.Administrator, other);
        await CreateManyAsync(app, unit, 60);
        var admin = app.CreateBrowser();
        await admin.SignInAsync("quantri");

        var response = await admin.GetAsync("/admin/users?q=" + Uri.EscapeDataString(query.Normalize(System.Text.NormalizationForm.FormD)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var found = UserNamePattern().Matches(html).Select(m => m.Groups[1].Value).ToList();
        if (only is not null)
        {
            Assert.Equal([only], found);
            Assert.Contains("Tổng số: 1 tài khoản", html);
        }
        else
        {
            Assert.Contains("Tổng số: 60 tài khoản · Trang 1/2", html);
            Assert.DoesNotContain("quantri", found);
        }
    }

    [Fact]
    public async Task TheRoleFilterListsOnlyTheHoldersOfThatRole()
    {
        using var app = new TrainingApp();
        var unit = await app.CreateUnitAsync("Trường THCS Đông Sơn");
        await app.CreateUserAsync("quantri", BuiltInRoles.Administrator);
        await app.CreateUserAsync("tccb", BuiltInRoles.HR, unit, scope: unit);
        await CreateManyAsync(app, unit, 10);
        var admin = app.CreateBrowser();
        await admin.SignInAsync("quantri");

        var response = await admin.GetAsync("/admin/users?filter=" + BuiltInRoles.HR);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(["tccb"], UserNamePattern().Matches(html).Select(m => m.Groups[1].Value));
        Assert.Contains("Tổng số: 1 tài khoản · Trang 1/1", html);
    }

    private static async Task CreateManyAsync(TrainingApp app, OrgUnit unit, int count)
    {
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganisationDbContext>();
            for (var i = 1; i <= count; i++)
            {
                var id = Guid.NewGuid().ToString();
                db.Users.Add(new TrainingUser
                {
                    Id = id, UserName = $"nb{i:0000}", NormalizedUserName = $"NB{i:0000}", StaffCode = $"NB{i:0000}", FullName = $"Phạm Thị Số {i:000}",
                    Email = $"nb{i:0000}@dongson.edu.vn", NormalizedEmail = $"NB{i:0000}@DONGSON.EDU.VN", PrimaryUnitId = unit.Id,
                    SecurityStamp = Guid.NewGuid().ToString(), CreatedAt = DateTimeOffset.UtcNow,
                });
                db.Memberships.Add(new UnitMembership { UserId = id, UnitId = unit.Id, IsPrimary = true });
            }
            await db.SaveChangesAsync();
        });
    }

    [GeneratedRegex("<td>([a-z0-9]+)<br />")]
    private static partial Regex UserNamePattern();

    [GeneratedRegex("Mật khẩu tạm thời của nb0099: (\\S+) ")]
    private static partial Regex TemporaryPattern();
}
