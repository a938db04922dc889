using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MiniExcelLibs;
using Training.Abstractions.Security;
using Training.Certification.Issuance;

namespace Training.Certification.Tests.Hr;

public sealed class HrTests
{
    public static readonly string[] ProtectedRoutes =
    [
        "/hr/certificates", "/hr/certificates/issue", $"/hr/certificates/{Guid.Empty}", "/admin/programmes", "/admin/programmes/edit",
        "/api/certificates", "/admin/issuers", $"/admin/issuers/marks/{Guid.Empty}", $"/admin/programmes/{Guid.Empty}/preview.png",
    ];

    [Fact]
    public async Task EveryHrAndAdminRouteRefusesAnonymousUsersAndLearners()
    {
        using var app = new TrainingApp();
        await app.CreateUserAsync("hocvien", BuiltInRoles.Learner);
        var anonymous = app.CreateBrowser();
        var learner = app.CreateBrowser();
        await learner.SignInAsync("hocvien");
        foreach (var route in ProtectedRoutes)
        {
            var a = await anonymous.GetAsync(route);
            Assert.True(a.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized, $"{route}: {a.StatusCode}");
            if (a.StatusCode == HttpStatusCode.Redirect) Assert.Contains("/account/login", a.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
            var l = await learner.GetAsync(route);
            Assert.True(l.StatusCode is HttpStatusCode.Forbidden || (l.StatusCode == HttpStatusCode.Redirect
                && l.Headers.Location!.OriginalString.Contains("denied", StringComparison.OrdinalIgnoreCase)), $"{route}: {l.StatusCode}");
        }
        Assert.Equal(HttpStatusCode.OK, (await learner.GetAsync("/certificates")).StatusCode);
    }

    [Fact]
    public async Task HrSeesOnlyCertificatesOfTheirUnitSubtreeInPagesApiAndExports()
    {
        var (app, _) = CertificationHost.Create();
        using var _app = app;
        var programme = await app.AddProgrammeAsync();
        var province = await app.CreateUnitAsync("Sở GD&ĐT");
        var school = await app.CreateUnitAsync("Trường THPT Yên Mô A", province);
        var district = await app.CreateUnitAsync("UBND huyện Cát Hải");
        var inside = await app.CreateUserAsync("trong", BuiltInRoles.Learner, school, fullName: "Phan Thị Trong");
        var outside = await app.CreateUserAsync("ngoai", BuiltInRoles.Learner, district, fullName: "Đào Văn Ngoài");
        await app.CreateUserAsync("tccb", BuiltInRoles.HR, province, scope: province);
        var mine = await app.IssueAsync(programme, inside.Id);
        var theirs = await app.IssueAsync(programme, outside.Id);
        var hr = app.CreateBrowser();
        await hr.SignInAsync("tccb");

        var list = await hr.GetStringAsync("/hr/certificates");
        Assert.Contains("Phan Thị Trong", list);
        Assert.DoesNotContain("Đào Văn Ngoài", list);
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync($"/hr/certificates/{theirs.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hr.GetAsync($"/hr/certificates/{mine.Id}")).StatusCode);

        var api = await hr.GetFromJsonAsync<JsonElement>($"/api/certificates?programme={programme.Id}&status=valid");
        Assert.Equal([mine.SerialNumber], api.EnumerateArray().Select(e => e.GetProperty("serialNumber").GetString()));
        var filtered = await hr.GetFromJsonAsync<JsonElement>($"/api/certificates?unit={school.Id}&status=revoked");
        Assert.Equal(0, filtered.GetArrayLength());

        // The exports hold exactly the certificates in scope: one row, read back as a spreadsheet would.
        var csv = await hr.GetAsync("/hr/certificates?handler=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var line = Assert.Single(ExportFiles.CsvRows(await csv.Content.ReadAsByteArrayAsync()));
        Assert.Equal((mine.SerialNumber, "Phan Thị Trong", "Trường THPT Yên Mô A", "Còn giá trị"),
            (line["Số hiệu"], line["Họ và tên"], line["Đơn vị"], line["Trạng thái"]));
        var xlsx = await hr.GetAsync("/hr/certificates?handler=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using (var book = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()))
        {
            var row = Assert.Single(book.Query(useHeaderRow: true, sheetName: "Chứng chỉ").Cast<IDictionary<string, object>>());
            Assert.Equal((mine.SerialNumber, "Phan Thị Trong", "Trường THPT Yên Mô A"), ((string)row["Số hiệu"], (string)row["Họ và tên"], (string)row["Đơn vị"]));
        }

        var zip = await hr.PostFormAsync("/hr/certificates", new Dictionary<string, string> { ["selected"] = mine.Id.ToString() }, "/hr/certificates?handler=zip");
        Assert.Equal(HttpStatusCode.OK, zip.StatusCode);
        using var archive = new ZipArchive(await zip.Content.ReadAsStreamAsync());
        Assert.Equal([mine.SerialNumber.Replace('/', '-') + ".pdf"], archive.Entries.Select(e => e.Name));
    }

    [Fact]
    public async Task HrRevokesWithAReasonAndTheVerifyPageSaysRevoked()
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

        var empty = await hr.PostFormAsync(url, new Dictionary<string, string> { ["reason"] = " " }, url + "?handler=revoke");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Cần nêu lý do thu hồi.", await empty.Content.ReadAsStringAsync());
        var revoked = await hr.PostFormAsync(url, new Dictionary<string, string> { ["reason"] = "Hồ sơ không hợp lệ" }, url + "?handler=revoke");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);

        var detail = WebUtility.HtmlDecode(Regex.Replace(await hr.GetStringAsync(url), "<[^>]+>", " "));
        Assert.Matches(@"Hệ thống \(tự động\)\s+Cấp chứng chỉ\s+Tự động, sau khi hoàn thành khóa học", detail);
        Assert.Matches(@"tccb\s+Thu hồi\s+Hồ sơ không hợp lệ", detail);
        // The history speaks Vietnamese: none of the stored codes shows (issue 10, item 15).
        Assert.DoesNotMatch(@"\b(revoked|issued|system|auto)\b", detail);
        var verify = await app.CreateBrowser().GetStringAsync($"/verify/{VerificationCode.Format(certificate.VerificationCode)}");
        Assert.Contains("data-status=\"revoked\"", verify);
    }

    [Fact]
    public async Task HrIssuesManuallyWithAReasonToSomeoneInScopeAndNeverOutsideIt()
    {
        var (app, _) = CertificationHost.Create();
        using var _app = app;
        var programme = await app.AddProgrammeAsync();
        var unit = await app.CreateUnitAsync("Trường THCS Cát Bà");
        var other = await app.CreateUnitAsync("Trường THCS Hoa Lư");
        var holder = await app.CreateUserAsync("lop", BuiltInRoles.Learner, unit, fullName: "Mai Thị Lớp");
        var stranger = await app.CreateUserAsync("ngoai", BuiltInRoles.Learner, other, fullName: "Đào Văn Ngoài");
        await app.CreateUserAsync("tccb", BuiltInRoles.HR, unit, scope: unit);
        var hr = app.CreateBrowser();
        await hr.SignInAsync("tccb");

        var refused = await hr.PostFormAsync("/hr/certificates/issue", new Dictionary<string, string>
        {
            ["ProgrammeId"] = programme.Id.ToString(), ["StaffCode"] = "ngoai", ["Reason"] = "Hoàn thành lớp bồi dưỡng trực tiếp",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Không tìm thấy cán bộ có mã này trong phạm vi quản lý.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Empty(await app.CertificatesAsync(stranger.Id));

        var response = await hr.PostFormAsync("/hr/certificates/issue", new Dictionary<string, string>
        {
            ["ProgrammeId"] = programme.Id.ToString(), ["StaffCode"] = "lop", ["Reason"] = "Hoàn thành lớp bồi dưỡng trực tiếp ngày 15/11/2026",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var certificate = Assert.Single(await app.CertificatesAsync(holder.Id));
        Assert.Equal("manual", certificate.Source);
        Assert.Equal("tccb", certificate.IssuedBy);
        Assert.NotNull(certificate.PdfSha256);
    }

    [Fact]
    public async Task HolderSeesTheirCertificatesAndDownloadsThePdf()
    {
        var (app, _) = CertificationHost.Create();
        using var _app = app;
        var programme = await app.AddProgrammeAsync();
        var holder = await app.CreateUserAsync("cuong", BuiltInRoles.Learner, fullName: "Tạ Quốc Cường");
        var certificate = await app.IssueAsync(programme, holder.Id);
        var client = app.CreateBrowser();
        await client.SignInAsync("cuong");

        var html = await client.GetStringAsync("/certificates");
        var code = VerificationCode.Format(certificate.VerificationCode);
        Assert.Contains(certificate.SerialNumber, html);
        Assert.Contains($"/certificates/{code}/pdf", html);
        var pdf = await client.GetAsync($"/certificates/{code}/pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));
    }

    [Fact]
    public async Task AdministratorCreatesAProgramme()
    {
        using var app = new TrainingApp();
        await app.CreateUserAsync("quantri", BuiltInRoles.Administrator);
        var admin = app.CreateBrowser();
        await admin.SignInAsync("quantri");

        var response = await admin.PostFormAsync("/admin/programmes/edit", new Dictionary<string, string>
        {
            ["Input.Code"] = "CT-MOI", ["Input.Name"] = "Chương trình mới", ["Input.CourseCodes"] = "A-01; B-01", ["Input.RequiredCount"] = "1",
            ["Input.MinScore"] = "80", ["Input.ValidityMonths"] = "12", ["Input.RecertificationWindowDays"] = "30",
            ["Input.IssuingBody"] = "UBND tỉnh Ninh Bình", ["Input.IssuingUnitName"] = "Sở Giáo dục và Đào tạo Ninh Bình",
            ["Input.IssuerCode"] = "SGDĐT-NB", ["Input.Place"] = "Ninh Bình", ["Input.SignerTitle"] = "KT. GIÁM ĐỐC\r\nPHÓ GIÁM ĐỐC",
            ["Input.SignerName"] = "Nguyễn Văn Ký", ["Input.Wording"] = "Đã hoàn thành chương trình", ["Input.IsActive"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await admin.GetStringAsync("/admin/programmes");
        Assert.Contains("CT-MOI", list);
        Assert.Contains("1 / A-01, B-01", list);
    }
}
