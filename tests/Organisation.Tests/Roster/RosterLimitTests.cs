using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static Training.Organisation.Tests.Roster.RosterWorld;

namespace Training.Organisation.Tests.Roster;

/// <summary>Issue 10, item 4 and the bad inputs: every field has a limit, refused with the row and column named,
/// without echoing the huge value back; nothing is written.</summary>
public sealed class RosterLimitTests
{
    [Fact]
    public async Task AFiveMegabyteUnitNameIsRefusedOnThePageWithoutEchoingIt()
    {
        using var world = await CreateAsync();
        var hr = await world.SignedInAsync("hr");
        var huge = new string('A', 5 * 1024 * 1024);

        var response = await UploadAsync(hr, Header + $"NB1001,Phạm Văn Một,,{NinhBinh} > {huge},,,\n");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(html.Length < 100_000, $"The error page is {html.Length:N0} characters.");
        Assert.Contains($"<td>2</td><td>Đơn vị</td><td>Tên đơn vị «{new string('A', 60)}…» dài 5242880 ký tự, tối đa 200.</td>", html);
        Assert.Equal(4, await world.UnitCountAsync());
    }

    [Fact]
    public async Task AThreeHundredLevelPathIsRefusedOnThePageAndTheApi()
    {
        using var world = await CreateAsync();
        var hr = await world.SignedInAsync("hr");
        var deep = NinhBinh + string.Concat(Enumerable.Range(1, 299).Select(i => $" > Cấp {i}"));

        var page = await UploadAsync(hr, Header + $"NB1001,Phạm Văn Một,,{deep},,,\n");
        var api = await (await world.ApiAsync(world.Nb)).PostAsync("/api/roster?createUnits=true", Csv(Header + $"NB1001,Phạm Văn Một,,{deep},,,\n"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.StatusCode);
        Assert.Contains("<td>2</td><td>Đơn vị</td><td>Đường dẫn đơn vị có 300 cấp, tối đa 10 cấp.</td>", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, api.StatusCode);
        var error = Assert.Single((await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.Equal((2, "Đơn vị", "Đường dẫn đơn vị có 300 cấp, tối đa 10 cấp."),
            (error.GetProperty("line").GetInt32(), error.GetProperty("column").GetString(), error.GetProperty("message").GetString()));
        Assert.Equal(4, await world.UnitCountAsync());
    }

    [Fact]
    public async Task EveryOverlongFieldIsNamed()
    {
        using var world = await CreateAsync();
        var hr = await world.SignedInAsync("hr");
        var name = string.Join(' ', Enumerable.Repeat("Nguyễn", 40));
        var email = new string('a', 250) + "@nb.vn";
        var text = new string('x', 201);
        var extra = string.Join(';', Enumerable.Range(1, 21).Select(i => $"{NinhBinh} > Tổ {i}"));

        var response = await UploadAsync(hr, Header +
            $"NB1001,{name},,{HoaLuA},,,\n" +
            $"NB1002,Lê Văn Hai,{email},{HoaLuA},,,\n" +
            $"NB1003,Lê Văn Ba,,{HoaLuA},,{text},{text}\n" +
            $"NB1004,Lê Văn Bốn,,{HoaLuA},{extra},,\n" +
            $"{new string('C', 40)},Lê Văn Năm,,{HoaLuA},,,\n");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"<td>2</td><td>Họ và tên</td><td>Họ và tên dài {name.Length} ký tự, tối đa 200.</td>", html);
        Assert.Contains("<td>3</td><td>Email</td><td>Email dài 256 ký tự, tối đa 254.</td>", html);
        Assert.Contains("<td>4</td><td>Chức vụ</td><td>Chức vụ dài 201 ký tự, tối đa 200.</td>", html);
        Assert.Contains("<td>4</td><td>Đối tượng</td><td>Đối tượng dài 201 ký tự, tối đa 200.</td>", html);
        Assert.Contains("<td>5</td><td>Đơn vị kiêm nhiệm</td><td>Có 21 đơn vị kiêm nhiệm, tối đa 20.</td>", html);
        Assert.Contains("<td>6</td><td>Mã cán bộ</td>", html);
        Assert.Equal(6, await world.App.CountUsersAsync());
    }

    [Fact]
    public async Task AFileOverTheConfiguredLimitIsRefusedWithTheLimitNamed()
    {
        using var world = await CreateAsync(settings: new Dictionary<string, string?> { ["Organisation:Roster:MaxFileBytes"] = "2048" });
        var hr = await world.SignedInAsync("hr");
        var csv = new StringBuilder(Header);
        for (var i = 1; i <= 60; i++) csv.Append($"NB{i:0000},Nguyễn Văn Số,,{HoaLuA},,,\n");

        var page = await UploadAsync(hr, csv.ToString());
        var api = await (await world.ApiAsync(world.Nb)).PostAsync("/api/roster", Csv(csv.ToString()));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, page.StatusCode);
        Assert.Contains("vượt giới hạn 2 KB. Hãy chia tệp thành nhiều phần nhỏ hơn.", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, api.StatusCode);
        Assert.Contains("Tệp lớn hơn giới hạn 2 KB.", (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal(6, await world.App.CountUsersAsync());
    }

    [Theory]
    [InlineData("cp1258", "Tệp không phải văn bản UTF-8.")]
    [InlineData("empty", "Tệp rỗng.")]
    [InlineData("header-only", "Tệp không có dòng dữ liệu nào.")]
    [InlineData("unknown-column", "Cột không được hỗ trợ.")]
    [InlineData("duplicate-code", "Mã cán bộ «NB1001» trùng với dòng 2.")]
    public async Task BadFilesAreRefusedOnThePageWithAClearMessage(string kind, string message)
    {
        using var world = await CreateAsync();
        var hr = await world.SignedInAsync("hr");
        byte[] bytes = kind switch
        {
            "cp1258" => [.. Encoding.UTF8.GetBytes("Mã cán bộ,Họ và tên,Đơn vị\nNB1001,"), 0x50, 0x68, 0xE1, 0x6D, 0x20, 0x56, 0x61, 0xEA, 0x6E, (byte)'\n'],
            "empty" => [],
            "header-only" => Encoding.UTF8.GetBytes(Header),
            "unknown-column" => Encoding.UTF8.GetBytes("Mã cán bộ,Họ và tên,Đơn vị,Lương\nNB1001,Lê Văn Một,Sở A,100\n"),
            _ => Encoding.UTF8.GetBytes(Header + $"NB1001,Lê Văn Một,,{HoaLuA},,,\nNB1001,Lê Văn Hai,,{HoaLuA},,,\n"),
        };

        var response = await UploadAsync(hr, bytes);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(6, await world.App.CountUsersAsync());
    }
}
