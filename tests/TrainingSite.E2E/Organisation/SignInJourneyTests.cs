using System.Text.RegularExpressions;
using Training.E2E.Infrastructure;

namespace Training.E2E.Organisation;

[Collection(BrowserCollection.Name)]
public sealed class SignInJourneyTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("admin", "/admin", "Quản trị")]
    [InlineData("hr", "/hr", "Tổ chức cán bộ")]
    [InlineData("trainer", "/authoring", "Soạn khóa học")]
    [InlineData("learner", "/learning", "Học tập của tôi")]
    public async Task DemoUserSignsInAndLandsOnTheirRoleHome(string user, string home, string heading)
    {
        using var site = new LiveSite();
        var page = await browser.NewPageAsync(site);

        await page.LoginAsync(user);

        Assert.EndsWith(home, new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        await page.ScreenshotAsync($"home-{user}");
    }

    [Fact]
    public async Task LearnerGetsTheAccessDeniedPageOnTheAdminArea()
    {
        using var site = new LiveSite();
        var page = await browser.NewPageAsync(site);
        await page.LoginAsync("learner");

        var response = await page.GotoAsync("/admin/users");

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Không có quyền truy cập");
    }

    [Fact]
    public async Task HomePageScreenshotIsSavedAndKeyboardCanReachTheMainContent()
    {
        using var site = new LiveSite();
        var page = await browser.NewPageAsync(site);

        await page.GotoAsync("/");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator(".skip-link")).ToBeFocusedAsync();
        await page.ScreenshotAsync("home");

        Assert.True(File.Exists(Path.Combine(Journey.Artifacts, "home.png")));
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("Trang chủ"));
    }

    [Fact]
    public async Task HrImportsARosterWithAnErrorAndSeesItByRowAndColumn()
    {
        using var site = new LiveSite();
        var page = await browser.NewPageAsync(site);
        await page.LoginAsync("hr");
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".csv");
        await File.WriteAllTextAsync(file,
            "Mã cán bộ,Họ và tên,Đơn vị,Đối tượng\nNB9001,Hoàng Thị Mai,Sở Giáo dục và Đào tạo Ninh Bình > Trường THPT Hoa Lư A,giáo viên\nNB9002,,Sở Giáo dục và Đào tạo Ninh Bình,giáo viên\n");

        await page.GotoAsync("/hr/roster");
        await page.GetByLabel("Tệp CSV").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Nhập", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("table.errors")).ToContainTextAsync("Thiếu họ và tên.");
        await Assertions.Expect(page.Locator("table.errors tbody tr td").First).ToHaveTextAsync("3");
        await page.ScreenshotAsync("roster-errors");
        File.Delete(file);
    }
}
