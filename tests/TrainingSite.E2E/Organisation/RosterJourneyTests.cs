using System.Text;
using Training.E2E.Infrastructure;

namespace Training.E2E.Organisation;

[Collection(BrowserCollection.Name)]
public sealed class RosterJourneyTests(BrowserFixture browser)
{
    private const string Header = "Mã cán bộ,Họ và tên,Email,Đơn vị,Đơn vị kiêm nhiệm,Chức vụ,Đối tượng\n";
    private const string NinhBinh = "Sở Giáo dục và Đào tạo Ninh Bình";

    /// <summary>HR imports a file with a typo in a unit path: the page lists the unit it would create next to the close
    /// existing one and writes nothing; HR cancels, fixes the file, confirms the one real new unit, and finds the people.</summary>
    [Theory]
    [InlineData(1280, "desktop")]
    [InlineData(390, "phone")]
    public async Task HrSeesTheTypoConfirmsTheRealNewUnitAndFindsThePeople(int width, string name)
    {
        using var site = new LiveSite();
        var page = await browser.NewPageAsync(site);
        await page.SetViewportSizeAsync(width, 844);
        await page.LoginAsync("hr");

        await page.GotoAsync("/hr/roster");
        await UploadAsync(page, Header +
            $"NB9001,Phạm Thị Mới Một,,{NinhBinh} > Trường THPT Hoa Lu A,,Giáo viên,giáo viên\n" +
            $"NB9002,Phạm Thị Mới Hai,,{NinhBinh} > Trường THPT Hoa Lu A,,Giáo viên,giáo viên\n");
        await Assertions.Expect(page.Locator("#confirm-units")).ToContainTextAsync("sẽ tạo 1 đơn vị mới. Chưa có dữ liệu nào được ghi.");
        var row = page.Locator("table tbody tr").First;
        await Assertions.Expect(row).ToContainTextAsync($"{NinhBinh} > Trường THPT Hoa Lu A");
        await Assertions.Expect(row).ToContainTextAsync($"Có phải {NinhBinh} > Trường THPT Hoa Lư A");
        await page.ScreenshotAsync($"roster-typo-{name}");
        await AssertNoSidewaysScrollAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Huỷ" }).ClickAsync();

        await UploadAsync(page, Header +
            $"NB9001,Phạm Thị Mới Một,,{NinhBinh} > Trường THPT Hoa Lư A,,Giáo viên,giáo viên\n" +
            $"NB9002,Phạm Thị Mới Hai,,{NinhBinh} > Trường THPT Hoa Lư A > Tổ Tin học,,Giáo viên,giáo viên\n" +
            $"NB9003,Phạm Thị Mới Ba,,{NinhBinh} > Trường THPT Hoa Lư A > Tổ Tin học,,Giáo viên,giáo viên\n");
        await Assertions.Expect(page.Locator("#confirm-units")).ToContainTextAsync("sẽ tạo 1 đơn vị mới.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận tạo 1 đơn vị và nhập tệp" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("Đã nhập xong: 3 cán bộ mới, 0 cập nhật, 0 không đổi, 1 đơn vị mới.");
        await page.ScreenshotAsync($"roster-imported-{name}");

        await page.GotoAsync("/hr/staff?q=" + Uri.EscapeDataString("Phạm Thị Mới".Normalize(NormalizationForm.FormD)));
        await Assertions.Expect(page.Locator("table tbody tr")).ToHaveCountAsync(3);
        await page.ScreenshotAsync($"roster-staff-search-{name}");
    }

    private static async Task UploadAsync(IPage page, string csv)
    {
        await page.GetByLabel("Tệp CSV").SetInputFilesAsync(new FilePayload { Name = "roster.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Nhập", Exact = true }).ClickAsync();
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var (scroll, client) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("document.documentElement.clientWidth"));
        Assert.True(scroll <= client, $"The page scrolls sideways: {scroll} px wide in a {client} px window.");
    }
}
