using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Training.Organisation.Tests.Roster.RosterWorld;

namespace Training.Organisation.Tests.Roster;

/// <summary>Issue 10, item 1: an import touches only people whose primary unit is in the importer's subtree and who
/// hold no right beyond the importer's; matching by staff code or e-mail never reaches anyone else.</summary>
public sealed class RosterAuthorityTests
{
    [Fact]
    public async Task HrPageRefusesARowCarryingTheAdministratorsEmailAndLeavesHimUntouched()
    {
        using var world = await CreateAsync();
        var hr = await world.SignedInAsync("hr");
        var before = await world.UserAsync("admin");

        var response = await UploadAsync(hr, Header + $"NB9001,Kẻ Mạo Danh,admin@test.local,{HoaLuA},,Giáo viên,giáo viên\n");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Tệp chưa được nhập, không dữ liệu nào thay đổi.", html);
        Assert.Contains("<td>2</td><td>Email</td><td>Email «admin@test.local» là của một người có quyền mà bạn không có: bạn không được sửa người này.</td>", html);
        var after = await world.UserAsync("admin");
        Assert.Equal((before.FullName, before.StaffCode, before.Email, before.PrimaryUnitId, before.ConcurrencyStamp),
            (after.FullName, after.StaffCode, after.Email, after.PrimaryUnitId, after.ConcurrencyStamp));
        Assert.Equal(6, await world.App.CountUsersAsync());
    }

    [Fact]
    public async Task HrPageRefusesTheAdministratorsStaffCodeAndAnHrOfAnotherSubtreeAndATrainer()
    {
        using var world = await CreateAsync();
        var hr = await world.SignedInAsync("hr");

        var response = await UploadAsync(hr, Header +
            $"ADMIN,Đổi Tên Quản Trị,,{HoaLuA},,,\n" +
            $"HRCH,Đổi Tên Cát Hải,,{HoaLuA},,,\n" +
            $"TRAINER,Đổi Tên Giảng Viên,,{HoaLuA},,,\n" +
            $"GV001,Nguyễn Thị Hoa,,{HoaLuA},,Tổ trưởng,giáo viên\n");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<td>2</td><td>Mã cán bộ</td><td>Mã cán bộ «ADMIN» là của một người có quyền mà bạn không có", html);
        Assert.Contains("<td>3</td><td>Mã cán bộ</td><td>Mã cán bộ «HRCH» là của một người quản lý một phạm vi đơn vị rộng hơn hoặc khác phạm vi của bạn", html);
        Assert.Contains("<td>4</td><td>Mã cán bộ</td><td>Mã cán bộ «TRAINER» là của một người có quyền mà bạn không có", html);
        Assert.DoesNotContain("<td>5</td>", html);
        Assert.Equal("Quản Trị Hệ Thống", (await world.UserAsync("admin")).FullName);
        Assert.Equal("Cán Bộ Cát Hải", (await world.UserAsync("hrch")).FullName);
        Assert.Equal("Giảng Viên Hoa Lư", (await world.UserAsync("trainer")).FullName);
        Assert.Null((await world.UserAsync("gv001")).Position); // all-or-nothing: the valid row was not applied either
    }

    [Fact]
    public async Task ConcurrentPostInTheSubtreeGivesNoAuthorityOverACatHaiPerson()
    {
        using var world = await CreateAsync();
        var hr = await world.SignedInAsync("hr");
        var memberships = await world.MembershipsAsync(world.CatHaiTeacher.Id);

        var byCode = await UploadAsync(hr, Header + $"CH001,Tên Bị Đổi,moi@nb.edu.vn,{HoaLuA},,,\n");
        var byEmail = await UploadAsync(hr, Header + $"NB7777,Tên Bị Đổi,ch001@test.local,{HoaLuA},,,\n");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, byCode.StatusCode);
        Assert.Contains("Mã cán bộ «CH001» là của một người có đơn vị chính nằm ngoài phạm vi bạn quản lý",
            WebUtility.HtmlDecode(await byCode.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, byEmail.StatusCode);
        Assert.Contains("<td>2</td><td>Email</td><td>Email «ch001@test.local» là của một người có đơn vị chính nằm ngoài phạm vi bạn quản lý",
            WebUtility.HtmlDecode(await byEmail.Content.ReadAsStringAsync()));
        var teacher = await world.UserAsync("ch001");
        Assert.Equal(("Đỗ Văn Hải", "ch001@test.local", world.CatBa.Id), (teacher.FullName, teacher.Email, teacher.PrimaryUnitId));
        Assert.Equal(memberships, await world.MembershipsAsync(world.CatHaiTeacher.Id));
    }

    [Fact]
    public async Task HrStillUpdatesAndCreatesPlainStaffOfTheSubtree()
    {
        using var world = await CreateAsync();
        var hr = await world.SignedInAsync("hr");

        var response = await UploadAsync(hr, Header +
            $"GV001,Nguyễn Thị Hoa,hoa.moi@nb.edu.vn,{HoaLuA},,Tổ trưởng,giáo viên\n" +
            $"GV002,Trần Văn Bình,binh@nb.edu.vn,{HoaLuA},,Giáo viên,giáo viên\n");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Đã nhập xong: 1 cán bộ mới, 1 cập nhật, 0 không đổi, 0 đơn vị mới.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        var hoa = await world.UserAsync("gv001");
        Assert.Equal(("Tổ trưởng", "hoa.moi@nb.edu.vn", "HOA.MOI@NB.EDU.VN"), (hoa.Position, hoa.Email, hoa.NormalizedEmail));
        var binh = await world.UserAsync("gv002");
        Assert.Equal(("GV002", "GV002", world.HoaLu.Id), (binh.StaffCode, binh.NormalizedUserName, binh.PrimaryUnitId));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task ApiKeyOfNinhBinhRefusesTheAdministratorTheCatHaiPersonAndHr(TestDatabase database)
    {
        using var world = await CreateAsync(database);
        var api = await world.ApiAsync(world.Nb);

        var response = await api.PostAsync("/api/roster", Csv(Header +
            $"NB9001,Kẻ Mạo Danh,admin@test.local,{HoaLuA},,,\n" +
            $"CH001,Tên Bị Đổi,,{HoaLuA},,,\n" +
            $"HR,Đổi Tên Tổ Chức,,{HoaLuA},,,\n" +
            $"GV001,Nguyễn Thị Hoa,,{HoaLuA},,Tổ trưởng,giáo viên\n"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("message").GetString()!)).ToList();
        Assert.Equal([2, 3, 4], errors.Select(e => e.Item1));
        Assert.Equal(("Email", true), (errors[0].Item2, errors[0].Item3.Contains("bạn không được sửa người này")));
        Assert.Equal(("Mã cán bộ", true), (errors[1].Item2, errors[1].Item3.Contains("đơn vị chính nằm ngoài phạm vi")));
        Assert.Equal(("Mã cán bộ", true), (errors[2].Item2, errors[2].Item3.Contains("có quyền mà bạn không có")));
        Assert.Equal("Quản Trị Hệ Thống", (await world.UserAsync("admin")).FullName);
        Assert.Equal("Đỗ Văn Hải", (await world.UserAsync("ch001")).FullName);
        Assert.Equal("Tổ Chức Cán Bộ", (await world.UserAsync("hr")).FullName);
        Assert.Null((await world.UserAsync("gv001")).Position);

        var plain = await api.PostAsync("/api/roster", Csv(Header + $"GV001,Nguyễn Thị Hoa,,{HoaLuA},,Tổ trưởng,giáo viên\n"));
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal(1, (await plain.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("updated").GetInt32());
        Assert.Equal("Tổ trưởng", (await world.UserAsync("gv001")).Position);
    }

    [Fact]
    public async Task AdministratorMayStillChangeAnyoneThroughThePage()
    {
        using var world = await CreateAsync();
        var admin = await world.SignedInAsync("admin");

        var response = await UploadAsync(admin, Header + $"CH001,Đỗ Văn Hải,,{RosterWorld.NinhBinh} > Trường THPT Hoa Lư A,,Giáo viên,giáo viên\n");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(world.HoaLu.Id, (await world.UserAsync("ch001")).PrimaryUnitId);
    }
}
