using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Security;
using Training.Certification.Data;

namespace Training.Certification.Tests.Hr;

/// <summary>Issue 10, items 4 and 6 for Certification: text over its limit is refused with the field named and nothing
/// changes; exported cells that a spreadsheet would run as formulas are escaped.</summary>
public sealed class ExportAndLimitTests
{
    [Fact]
    public async Task ExportedHolderNamesThatLookLikeFormulasAreEscaped()
    {
        var (app, _) = CertificationHost.Create();
        using var _app = app;
        var programme = await app.AddProgrammeAsync();
        var unit = await app.CreateUnitAsync("+Trường THCS Công Thức");
        var holder = await app.CreateUserAsync("congthuc", BuiltInRoles.Learner, unit, fullName: "=HYPERLINK(\"http://x.example\",\"Bấm\")");
        await app.CreateUserAsync("tccb", BuiltInRoles.HR, unit, scope: unit);
        await app.IssueAsync(programme, holder.Id);
        var hr = app.CreateBrowser();
        await hr.SignInAsync("tccb");

        var csv = await hr.GetAsync("/hr/certificates?handler=csv");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var row = Assert.Single(ExportFiles.CsvRows(await csv.Content.ReadAsByteArrayAsync()));
        Assert.Equal("'=HYPERLINK(\"http://x.example\",\"Bấm\")", row["Họ và tên"]);
        Assert.Equal("'+Trường THCS Công Thức", row["Đơn vị"]);
    }

    [Fact]
    public async Task RevocationReasonOverItsLimitIsRefusedByNameAndTheCertificateStaysValid()
    {
        var (app, _) = CertificationHost.Create();
        using var _app = app;
        var programme = await app.AddProgrammeAsync();
        var unit = await app.CreateUnitAsync("Phòng Tổ chức cán bộ");
        var holder = await app.CreateUserAsync("holder", BuiltInRoles.Learner, unit);
        await app.CreateUserAsync("tccb", BuiltInRoles.HR, unit, scope: unit);
        var certificate = await app.IssueAsync(programme, holder.Id);
        var hr = app.CreateBrowser();
        await hr.SignInAsync("tccb");
        var url = $"/hr/certificates/{certificate.Id}";

        var response = await hr.PostFormAsync(url, new Dictionary<string, string> { ["reason"] = new string('l', 501) }, url + "?handler=revoke");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Lý do: tối đa 500 ký tự (đang có 501).", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Null((await app.CertificatesAsync(holder.Id)).Single().RevokedOn);
    }

    [Fact]
    public async Task ProgrammeFieldsOverTheirLimitsAreRefusedByName()
    {
        using var app = new TrainingApp();
        await app.CreateUserAsync("quantri", BuiltInRoles.Administrator);
        var admin = app.CreateBrowser();
        await admin.SignInAsync("quantri");

        var response = await admin.PostFormAsync("/admin/programmes/edit", new Dictionary<string, string>
        {
            ["Input.Code"] = "CT-DAI", ["Input.Name"] = new string('t', 201), ["Input.CourseCodes"] = "A-01", ["Input.MinScore"] = "80",
            ["Input.ValidityMonths"] = "12", ["Input.RecertificationWindowDays"] = "30", ["Input.IssuingBody"] = "UBND tỉnh Ninh Bình",
            ["Input.IssuingUnitName"] = "Sở Giáo dục và Đào tạo Ninh Bình", ["Input.IssuerCode"] = "SGDĐT-NB", ["Input.Place"] = "Ninh Bình",
            ["Input.SignerTitle"] = "GIÁM ĐỐC", ["Input.SignerName"] = "Nguyễn Văn Ký", ["Input.Wording"] = "Đã hoàn thành", ["Input.IsActive"] = "true",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tên chương trình: tối đa 200 ký tự (đang có 201).", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(0, await app.WithScopeAsync(sp => sp.GetRequiredService<CertificationDbContext>().Programmes.CountAsync()));
    }

    [Fact]
    public async Task SearchOverItsLimitIsRefusedOnTheListAndInTheExport()
    {
        var (app, _) = CertificationHost.Create();
        using var _app = app;
        var unit = await app.CreateUnitAsync("Phòng Tổ chức cán bộ");
        await app.CreateUserAsync("tccb", BuiltInRoles.HR, unit, scope: unit);
        var hr = app.CreateBrowser();
        await hr.SignInAsync("tccb");
        var q = new string('q', 501);

        var page = await hr.GetAsync($"/hr/certificates?q={q}");
        var export = await hr.GetAsync($"/hr/certificates?handler=csv&q={q}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Họ tên, số hiệu hoặc mã xác thực: tối đa 500 ký tự (đang có 501).", WebUtility.HtmlDecode(html));
        Assert.DoesNotContain($"value=\"{q}\"", html);
        Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
    }
}
