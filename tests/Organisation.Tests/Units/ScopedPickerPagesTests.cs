using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Security;
using Training.Organisation.Data;

namespace Training.Organisation.Tests.Units;

/// <summary>HR pages with the unit picker: the no-script search and the posted value both stay inside the HR's scope.</summary>
public sealed class ScopedPickerPagesTests
{
    [Fact]
    public async Task TheNoScriptSearchOfAnHrOnlyOffersUnitsOfTheirSo()
    {
        using var app = new TrainingApp();
        var ninhBinh = await app.CreateUnitAsync("Sở Giáo dục và Đào tạo Ninh Bình");
        await app.CreateUnitAsync("Trường THPT Hoa Lư A", ninhBinh);
        var langSon = await app.CreateUnitAsync("Sở Giáo dục và Đào tạo Lạng Sơn");
        await app.CreateUnitAsync("Trường THPT Hoa Lư B", langSon);
        await app.CreateUserAsync("hrnb", BuiltInRoles.HR, ninhBinh, scope: ninhBinh);
        var hr = app.CreateBrowser();
        await hr.SignInAsync("hrnb");

        var heads = await hr.PostFormAsync("/hr/unit-heads", new Dictionary<string, string>
        {
            ["UnitId_q"] = "hoa lu", ["unitpicker_find"] = "UnitId", ["StaffCode"] = "",
        }, "/hr/unit-heads?handler=Assign");
        Assert.Equal(HttpStatusCode.OK, heads.StatusCode);
        var html = WebUtility.HtmlDecode(await heads.Content.ReadAsStringAsync());
        Assert.Contains("Trường THPT Hoa Lư A (", html);
        Assert.DoesNotContain("Hoa Lư B", html);
        Assert.DoesNotContain("Lạng Sơn", html);
        Assert.Contains("1 đơn vị khớp.", html);

        var staff = await hr.GetAsync("/hr/staff?unit_q=lang+son&unitpicker_find=unit");
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        var staffHtml = WebUtility.HtmlDecode(await staff.Content.ReadAsStringAsync());
        Assert.Contains("Không có đơn vị nào khớp.", staffHtml);
        Assert.DoesNotContain("Lạng Sơn", staffHtml);
    }

    [Fact]
    public async Task AnAudienceUnitOutsideTheScopePostedByHandIsRefusedAndOneInsideIsAdded()
    {
        using var app = new TrainingApp();
        var ninhBinh = await app.CreateUnitAsync("Sở Giáo dục và Đào tạo Ninh Bình");
        var school = await app.CreateUnitAsync("Trường THPT Hoa Lư A", ninhBinh);
        var langSon = await app.CreateUnitAsync("Sở Giáo dục và Đào tạo Lạng Sơn");
        await app.CreateUserAsync("hrnb", BuiltInRoles.HR, ninhBinh, scope: ninhBinh);
        var hr = app.CreateBrowser();
        await hr.SignInAsync("hrnb");

        var outside = await hr.PostFormAsync("/hr/audiences/edit", new Dictionary<string, string>
        {
            ["Form.Name"] = "Ngoài phạm vi", ["AddUnitId"] = langSon.Id.ToString(), ["Form.StartsOn"] = "2026-01-01",
        });
        Assert.Equal(HttpStatusCode.OK, outside.StatusCode);
        Assert.Contains("Đơn vị: có đơn vị nằm ngoài phạm vi quản lý của bạn.", WebUtility.HtmlDecode(await outside.Content.ReadAsStringAsync()));
        var added = await hr.PostFormAsync("/hr/audiences/edit", new Dictionary<string, string>
        {
            ["Form.Name"] = "Hoa Lư A", ["AddUnitId"] = school.Id.ToString(), ["unitpicker_add"] = "1", ["Form.StartsOn"] = "2026-01-01",
        });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var addedHtml = WebUtility.HtmlDecode(await added.Content.ReadAsStringAsync());
        Assert.Contains($"name=\"Form.UnitIds\" value=\"{school.Id}\" checked", addedHtml);
        Assert.Contains("Sở Giáo dục và Đào tạo Ninh Bình › Trường THPT Hoa Lư A", addedHtml);
        Assert.Equal(0, await app.WithScopeAsync(sp => sp.GetRequiredService<OrganisationDbContext>().Audiences.CountAsync()));
    }
}
