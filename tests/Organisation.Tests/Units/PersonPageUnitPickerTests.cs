using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Security;
using Training.Organisation.Data;

namespace Training.Organisation.Tests.Units;

/// <summary>The person page ("Hồ sơ cán bộ") with the unit picker instead of a select of every unit.</summary>
public sealed class PersonPageUnitPickerTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task ThePersonPageStaysSmallAtTwentyThousandUnits(TestDatabase database)
    {
        using var app = new TrainingApp(database: database);
        var so = await app.CreateUnitAsync("Sở Giáo dục và Đào tạo Ninh Bình");
        await UnitSeed.SeedAsync(app, so, 20_000, i => $"Trường Tiểu học số {i:00000}");
        await app.CreateUserAsync("root", BuiltInRoles.Administrator, so);
        var person = await app.CreateUserAsync("gv", BuiltInRoles.Learner, so, fullName: "Nguyễn Thị Hoa");
        var client = app.CreateBrowser();
        await client.SignInAsync("root");

        var page = await client.GetAsync($"/admin/users/{person.Id}/person");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        // A select of 20,000 units was over 2 MB; the picker renders only the chosen unit.
        Assert.True(html.Length < 40_000, $"The person page is {html.Length:N0} characters at 20,000 units.");
        Assert.DoesNotContain("Trường Tiểu học số 00001", html);
        Assert.Contains("data-unit-picker", html);
        Assert.Contains("Sở Giáo dục và Đào tạo Ninh Bình", WebUtility.HtmlDecode(html));

        // The no-script search returns one page of matches in a select, saves nothing, keeps what was typed.
        var searched = await client.PostFormAsync($"/admin/users/{person.Id}/person", new Dictionary<string, string>
        {
            ["PrimaryUnitId"] = so.Id.ToString(), ["PrimaryUnitId_q"] = "truong tieu hoc so 1999", ["unitpicker_find"] = "PrimaryUnitId",
            ["Position"] = "Giáo viên chưa lưu", ["IsActive"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, searched.StatusCode);
        var found = WebUtility.HtmlDecode(await searched.Content.ReadAsStringAsync());
        Assert.True(found.Length < 60_000, $"The search answer is {found.Length:N0} characters.");
        Assert.Contains("Trường Tiểu học số 01999 (U001999) — Sở Giáo dục và Đào tạo Ninh Bình</option>", found);
        Assert.Contains("Trường Tiểu học số 19990 (U019990) — Sở Giáo dục và Đào tạo Ninh Bình</option>", found);
        Assert.Contains("12 đơn vị khớp.", found); // 01999, 11999 and 19990 to 19999
        Assert.Contains("value=\"Giáo viên chưa lưu\"", found);
        Assert.Null((await PersonAsync(app, person.Id)).Position);

        // Picking one of them and saving moves the person.
        var target = await app.WithScopeAsync(sp => sp.GetRequiredService<OrganisationDbContext>().Units.SingleAsync(u => u.Code == "U019990"));
        var saved = await client.PostFormAsync($"/admin/users/{person.Id}/person", new Dictionary<string, string>
        {
            ["PrimaryUnitId"] = target.Id.ToString(), ["PrimaryUnitId_q"] = "truong tieu hoc so 1999", ["Position"] = "Giáo viên", ["IsActive"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(target.Id, (await PersonAsync(app, person.Id)).PrimaryUnitId);
    }

    [Fact]
    public async Task AnUnknownUnitPostedByHandIsRefusedUnderTheField()
    {
        using var app = new TrainingApp();
        var so = await app.CreateUnitAsync("Sở Nội vụ");
        await app.CreateUserAsync("root", BuiltInRoles.Administrator, so);
        var person = await app.CreateUserAsync("gv", BuiltInRoles.Learner, so);
        var client = app.CreateBrowser();
        await client.SignInAsync("root");

        foreach (var value in new[] { Guid.NewGuid().ToString(), "", "not-a-guid" })
        {
            var bad = await client.PostFormAsync($"/admin/users/{person.Id}/person", new Dictionary<string, string>
            {
                ["PrimaryUnitId"] = value, ["Position"] = "Giáo viên", ["IsActive"] = "true",
            });
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
            Assert.Contains("<p id=\"unit-error\" class=\"field-error\">Đơn vị chính: chọn một đơn vị có trong danh sách.</p>", html);
            Assert.Equal(so.Id, (await PersonAsync(app, person.Id)).PrimaryUnitId);
        }
    }

    private static Task<TrainingUser> PersonAsync(TrainingApp app, string id) => app.WithScopeAsync(sp =>
        sp.GetRequiredService<OrganisationDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == id));
}
