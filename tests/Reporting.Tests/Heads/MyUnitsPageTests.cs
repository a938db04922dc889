using System.Net;
using Training.Abstractions.Security;

namespace Training.Reporting.Tests.Heads;

/// <summary>"Đơn vị của tôi": who may see it, what it shows, and the reminders sent from it.</summary>
public sealed class MyUnitsPageTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task PrincipalByPositionSeesTheSchoolsPeopleWithTheirCounts(TestDatabase database)
    {
        using var world = await HeadWorld.CreateAsync(database);
        await world.SetPositionAsync(world.Teachers["gva1"], "Hiệu trưởng");
        world.Overdue("gva2", 2, new(2026, 10, 31));
        world.Ledger.Issue(world.Teachers["gva2"].Id, world.Programme, new(2024, 12, 1), expiresOn: new(2026, 12, 15));
        var client = world.App.CreateBrowser();
        await client.SignInAsync("gva1");

        var response = await client.GetAsync("/my-units");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Giáo viên GVA2", html);
        Assert.Contains("31/10/2026", html);
        Assert.Contains("15/12/2026", html);
        Assert.DoesNotContain("Giáo viên GVA3", html); // the other school of the same Sở
        Assert.DoesNotContain("Giáo viên GVB1", html);
    }

    [Fact]
    public async Task StatusFilterListsOnlyTheOverduePeople()
    {
        using var world = await HeadWorld.CreateAsync();
        var soHead = await world.App.CreateUserAsync("gdsoa", BuiltInRoles.Learner, world.SoA, fullName: "Giám đốc Sở A");
        await world.SetPositionAsync(soHead, "Giám đốc Sở");
        world.Overdue("gva3", 1, new(2026, 11, 1));
        var client = world.App.CreateBrowser();
        await client.SignInAsync("gdsoa");

        var response = await client.GetAsync("/my-units?status=Overdue");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Giáo viên GVA3", html);
        Assert.DoesNotContain("Giáo viên GVA1", html);
    }

    [Fact]
    public async Task LearnerWhoHeadsNothingIsRefusedOnGetAndPost()
    {
        using var world = await HeadWorld.CreateAsync();
        var client = world.App.CreateBrowser();
        await client.SignInAsync("gva1");

        var get = await client.GetAsync("/my-units");
        var post = await client.PostFormAsync("/account/password", new Dictionary<string, string> { ["person"] = world.Teachers["gva2"].Id },
            action: "/my-units?handler=Remind&person=" + world.Teachers["gva2"].Id);

        Assert.True(get.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"GET gave {(int)get.StatusCode}");
        Assert.True(post.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"POST gave {(int)post.StatusCode}");
        if (get.StatusCode == HttpStatusCode.Redirect) Assert.Contains("access-denied", get.Headers.Location!.ToString());
        Assert.Empty(await world.NotificationsAsync("head-reminder"));
    }

    [Fact]
    public async Task HeadWhoIsOnlyALearnerSeesNothingOfHr()
    {
        using var world = await HeadWorld.CreateAsync();
        await world.SetPositionAsync(world.Teachers["gva1"], "Hiệu trưởng");
        var client = world.App.CreateBrowser();
        await client.SignInAsync("gva1");

        foreach (var url in new[] { "/hr", "/hr/staff", "/hr/plans", "/hr/unit-heads" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{url} gave {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.Redirect) Assert.Contains("access-denied", response.Headers.Location!.ToString());
        }
    }

    [Fact]
    public async Task HeadOfAnotherUnitCannotRemindOrFilterOutsideTheirSubtree()
    {
        using var world = await HeadWorld.CreateAsync();
        await world.SetPositionAsync(world.Teachers["gvb1"], "Hiệu trưởng");
        var client = world.App.CreateBrowser();
        await client.SignInAsync("gvb1");

        var outsider = world.Teachers["gva2"].Id;
        var post = await client.PostFormAsync("/my-units", new Dictionary<string, string>(), action: "/my-units?handler=Remind&person=" + outsider);
        var filter = await client.GetAsync("/my-units?unit=" + world.SchoolA1.Id);

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, filter.StatusCode);
        Assert.Empty(await world.NotificationsAsync("head-reminder"));
    }

    [Fact]
    public async Task ReminderReachesThePersonOncePerDay()
    {
        using var world = await HeadWorld.CreateAsync();
        await world.SetPositionAsync(world.Teachers["gva1"], "Hiệu trưởng");
        world.Overdue("gva2", 1, new(2026, 11, 2));
        var client = world.App.CreateBrowser();
        await client.SignInAsync("gva1");
        var action = "/my-units?handler=Remind&person=" + world.Teachers["gva2"].Id;

        var first = await client.PostFormAsync("/my-units", new Dictionary<string, string>(), action);
        var second = await client.PostFormAsync("/my-units", new Dictionary<string, string>(), action);
        var page = await (await client.GetAsync(second.Headers.Location!.ToString())).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Contains("đã được nhắc hôm nay", System.Net.WebUtility.HtmlDecode(page));
        var sent = Assert.Single(await world.NotificationsAsync("head-reminder"));
        Assert.Equal(world.Teachers["gva2"].Id, sent.UserId);
        Assert.Contains("02/11/2026", sent.Body);

        world.Clock.Advance(TimeSpan.FromDays(1));
        client = world.App.CreateBrowser(); // the sign-in of yesterday has expired on the moved clock
        await client.SignInAsync("gva1");
        var nextDay = await client.PostFormAsync("/my-units", new Dictionary<string, string>(), action);
        Assert.Equal(HttpStatusCode.Redirect, nextDay.StatusCode);
        Assert.Equal(2, (await world.NotificationsAsync("head-reminder")).Count);
    }

    [Fact]
    public async Task RemindAllOverdueSkipsThoseOnTimeAndThoseRemindedToday()
    {
        using var world = await HeadWorld.CreateAsync();
        var soHead = await world.App.CreateUserAsync("gdsoa", BuiltInRoles.Learner, world.SoA, fullName: "Giám đốc Sở A");
        await world.SetPositionAsync(soHead, "Giám đốc");
        world.Overdue("gva2", 1, new(2026, 11, 2));
        world.Overdue("gva3", 3, new(2026, 10, 2));
        var client = world.App.CreateBrowser();
        await client.SignInAsync("gdsoa");
        await client.PostFormAsync("/my-units", new Dictionary<string, string>(), "/my-units?handler=Remind&person=" + world.Teachers["gva2"].Id);

        var response = await client.PostFormAsync("/my-units", new Dictionary<string, string>(), "/my-units?handler=RemindOverdue");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var sent = await world.NotificationsAsync("head-reminder");
        Assert.Equal(2, sent.Count);
        Assert.Equal(new[] { world.Teachers["gva2"].Id, world.Teachers["gva3"].Id }.Order(StringComparer.Ordinal), sent.Select(n => n.UserId).Order(StringComparer.Ordinal));
        var page = System.Net.WebUtility.HtmlDecode(await (await client.GetAsync(response.Headers.Location!.ToString())).Content.ReadAsStringAsync());
        Assert.Contains("Đã gửi nhắc việc cho 1 người quá hạn; 1 người đã được nhắc hôm nay.", page);
    }
}
