using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Organisation;
using Training.Abstractions.Security;
using Training.Organisation.Data;
using Training.Organisation.Roster;

namespace Training.Organisation.Tests.Roster;

public sealed class RosterImportTests
{
    private const string Header = "Mã cán bộ,Họ và tên,Email,Đơn vị,Đơn vị kiêm nhiệm,Chức vụ,Đối tượng\n";

    private const string GoodFile = Header +
        "GV001,Nguyễn Thị Hoa,hoa@nb.edu.vn,Sở GD&ĐT > Trường THPT A,,Giáo viên,giáo viên\n" +
        "GV002,Trần Văn Bình,binh@nb.edu.vn,Sở GD&ĐT > Trường THPT A,Sở GD&ĐT > Trung tâm GDNN,Bí thư Đoàn,cán bộ làm công tác học sinh\n" +
        "CV003,Lê Thu Hà,,Sở GD&ĐT > Phòng Tổ chức cán bộ,,Chuyên viên,chuyên viên\n";

    private static async Task<RosterImportResult> ImportAsync(TrainingApp app, string csv, UnitScope? scope = null) =>
        await app.WithScopeAsync(sp => sp.GetRequiredService<RosterImporter>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)),
            scope is null ? RosterAuthority.System : RosterAuthority.ForSubtree(scope), RosterImportOptions.CreatingUnits));

    private static Task<List<TrainingUser>> UsersAsync(TrainingApp app) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<OrganisationDbContext>().Users.OrderBy(u => u.StaffCode).ToListAsync());

    [Fact]
    public async Task GoodFileCreatesPeopleUnitsAndAssignments()
    {
        using var app = new TrainingApp();
        var result = await ImportAsync(app, GoodFile);

        Assert.True(result.Succeeded);
        Assert.Equal((3, 0, 0, 4), (result.Created, result.Updated, result.Unchanged, result.UnitsCreated));
        var people = await UsersAsync(app);
        Assert.Equal(["CV003", "GV001", "GV002"], people.Select(p => p.StaffCode));
        var binh = people.Single(p => p.StaffCode == "GV002");
        var memberships = await app.WithScopeAsync(sp => sp.GetRequiredService<OrganisationDbContext>().Memberships.Where(m => m.UserId == binh.Id).ToListAsync());
        Assert.Equal(2, memberships.Count);
        Assert.Single(memberships, m => m.IsPrimary);
    }

    [Fact]
    public async Task ReimportingTheSameFileChangesNothing()
    {
        using var app = new TrainingApp();
        await ImportAsync(app, GoodFile);
        var before = (await UsersAsync(app)).Select(u => (u.Id, u.ConcurrencyStamp)).ToList();

        var again = await ImportAsync(app, GoodFile);

        Assert.Equal((0, 0, 3, 0), (again.Created, again.Updated, again.Unchanged, again.UnitsCreated));
        Assert.Equal(before, (await UsersAsync(app)).Select(u => (u.Id, u.ConcurrencyStamp)).ToList());
    }

    [Fact]
    public async Task PeopleAreMatchedOnStaffCodeThenEmailAndNeverDuplicated()
    {
        using var app = new TrainingApp();
        await ImportAsync(app, GoodFile);

        // Same code with a new position; a new code with Hoa's e-mail is her, renumbered.
        var result = await ImportAsync(app, Header +
            "GV002,Trần Văn Bình,binh@nb.edu.vn,Sở GD&ĐT > Trường THPT A,,Phó Bí thư Đoàn,cán bộ làm công tác học sinh\n" +
            "GV101,Nguyễn Thị Hoa,hoa@nb.edu.vn,Sở GD&ĐT > Trường THPT A,,Giáo viên,giáo viên\n");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal((0, 2), (result.Created, result.Updated));
        var people = await UsersAsync(app);
        Assert.Equal(3, people.Count);
        Assert.Equal("Phó Bí thư Đoàn", people.Single(p => p.StaffCode == "GV002").Position);
        Assert.Contains(people, p => p.StaffCode == "GV101" && p.Email == "hoa@nb.edu.vn");
    }

    [Fact]
    public async Task FileWithABadRowChangesNothing()
    {
        using var app = new TrainingApp();
        await ImportAsync(app, GoodFile);
        var before = await app.CountUsersAsync();

        var result = await ImportAsync(app, Header +
            "GV900,Phạm Văn Mới,moi@nb.edu.vn,Sở GD&ĐT > Trường THPT Mới,,Giáo viên,giáo viên\n" +
            "GV901,Bad Name 123,,Sở GD&ĐT > Trường THPT A,,,\n");

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e is { Line: 3, Column: "Họ và tên" });
        Assert.Equal(before, await app.CountUsersAsync());
        var units = await app.WithScopeAsync(sp => sp.GetRequiredService<OrganisationDbContext>().Units.CountAsync());
        Assert.Equal(4, units);
    }

    [Fact]
    public async Task EmailOfAnotherPersonIsRejected()
    {
        using var app = new TrainingApp();
        await ImportAsync(app, GoodFile);

        var result = await ImportAsync(app, Header + "GV001,Nguyễn Thị Hoa,binh@nb.edu.vn,Sở GD&ĐT > Trường THPT A,,,\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(("Email", 2), (error.Column, error.Line));
        Assert.Contains("GV002", error.Message);
    }

    [Fact]
    public async Task HrCannotImportIntoAnotherSubtree()
    {
        using var app = new TrainingApp();
        await ImportAsync(app, GoodFile + "CH001,Đỗ Văn Hải,,UBND huyện Cát Hải > Trường THPT Cát Bà,,Giáo viên,giáo viên\n");
        var scope = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganisationDbContext>();
            var root = await db.Units.SingleAsync(u => u.Name == "Sở GD&ĐT");
            return new UnitScope(false, root.Id, await sp.GetRequiredService<IOrgDirectory>().GetSubtreeAsync(root.Id));
        });

        var result = await ImportAsync(app, Header +
            "GV001,Nguyễn Thị Hoa,hoa@nb.edu.vn,Sở GD&ĐT > Trường THPT A,,Tổ trưởng,giáo viên\n" +
            "CH001,Đỗ Văn Hải,,UBND huyện Cát Hải > Trường THPT Cát Bà,,Hiệu trưởng,cán bộ quản lý\n" +
            "CH002,Vũ Thị Lan,,UBND huyện Cát Hải > Trường THCS Văn Phong,,,\n", scope);

        Assert.False(result.Succeeded);
        Assert.Equal([3, 4], result.Errors.Select(e => e.Line).Distinct());
        Assert.All(result.Errors, e => Assert.Contains("ngoài phạm vi", e.Message));
        Assert.Equal("Giáo viên", (await UsersAsync(app)).Single(u => u.StaffCode == "GV001").Position);
    }

    [Fact]
    public async Task RosterPageListsErrorsInVietnameseAndChangesNothing()
    {
        using var app = new TrainingApp();
        var hrUnit = await app.CreateUnitAsync("Sở GD&ĐT");
        await app.CreateUserAsync("tccb", BuiltInRoles.HR, hrUnit, scope: hrUnit);
        var client = app.CreateBrowser();
        await client.SignInAsync("tccb");
        var users = await app.CountUsersAsync();

        var token = await client.GetTokenAsync("/hr/roster");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(Header + "X1,,x@y.vn,Sở GD&ĐT > Trường B,,,\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", "roster.csv");
        var response = await client.PostAsync("/hr/roster", form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Tệp chưa được nhập, không dữ liệu nào thay đổi.", html);
        Assert.Contains("Thiếu họ và tên.", html);
        Assert.Equal(users, await app.CountUsersAsync());
    }
}
