using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Reporting.Data;

namespace Training.Reporting.Tests.Pages;

/// <summary>HR creates and edits plans and targets in the UI, within their subtree; bad input is refused field by field.</summary>
public sealed class PlanEditingTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task HrCreatesAPlanWithATargetAndTheDashboardComputesIt(TestDatabase database)
    {
        using var world = await World.CreateAsync(database: database);
        world.Ledger.Issue(world.Teachers["gva1"].Id, world.Programme, new(2025, 6, 1));
        await world.SyncAsync();
        var client = world.App.CreateBrowser();
        await client.SignInAsync("hra");

        var created = await client.PostFormAsync("/hr/plans/edit", new Dictionary<string, string>
        {
            ["Input.Number"] = "12/KH-SỞA", ["Input.Title"] = "Kế hoạch  bồi dưỡng năm 2026", ["Input.Issuer"] = "Sở A",
            ["Input.IssuedOn"] = "05/01/2026", ["Input.FromYear"] = "2026", ["Input.ToYear"] = "2030",
            ["Input.Phases"] = "Giai đoạn 1: 2026–2027\nGiai đoạn 2: 2028-2030", ["Input.UnitId"] = world.SoA.Id.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var planUrl = created.Headers.Location!.OriginalString;
        var planId = Guid.Parse(planUrl.Split('/').Last());

        var target = await client.PostFormAsync($"/hr/plans/{planId}/targets/edit", new Dictionary<string, string>
        {
            ["Input.Ordinal"] = "1", ["Input.Indicator"] = "Đến năm 2027, trên 20% giáo viên được bồi dưỡng.", ["Input.Kind"] = "StaffCertified",
            ["Input.UnitId"] = world.SoA.Id.ToString(), ["Input.Categories"] = "Giáo viên", ["Input.Programmes"] = "CT-KPL",
            ["Input.Milestones[0].DueOn"] = "31/12/2027", ["Input.Milestones[0].Percent"] = "20", ["Input.Milestones[0].Strict"] = "true",
            ["Input.Milestones[1].DueOn"] = "", ["Input.Milestones[1].Percent"] = "",
        }, action: $"/hr/plans/{planId}/targets/edit");
        Assert.Equal(HttpStatusCode.Redirect, target.StatusCode);

        var plan = await LoadAsync(world, planId);
        Assert.Equal("Kế hoạch bồi dưỡng năm 2026", plan.Title);
        Assert.Equal(new DateOnly(2026, 1, 5), plan.IssuedOn);
        Assert.Equal([(2026, 2027), (2028, 2030)], plan.Phases.OrderBy(p => p.FromYear).Select(p => (p.FromYear, p.ToYear)));
        var t = Assert.Single(plan.Targets);
        Assert.Equal("giáo viên", t.Categories);
        var m = Assert.Single(t.Milestones);
        Assert.Equal((new DateOnly(2027, 12, 31), 20m, true), (m.DueOn, m.Percent, m.Strict));

        var html = await client.GetStringAsync(planUrl);
        Assert.Contains("Đã lưu chỉ tiêu.", html);
        Assert.Contains("trên 20% giáo viên", html);
        // One of the four teachers of Sở A holds a valid certificate.
        Assert.Contains("25,0 %", await client.GetStringAsync($"/hr/plans/targets/{t.Id}"));
    }

    [Fact]
    public async Task BadInputNamesEachFieldInVietnameseAndSavesNothing()
    {
        using var world = await World.CreateAsync();
        var client = world.App.CreateBrowser();
        await client.SignInAsync("hra");

        var response = await client.PostFormAsync("/hr/plans/edit", new Dictionary<string, string>
        {
            ["Input.Title"] = " ", ["Input.Issuer"] = "Sở A", ["Input.IssuedOn"] = "31/02/2026", ["Input.FromYear"] = "2030", ["Input.ToYear"] = "2026",
            ["Input.Phases"] = "Giai đoạn 1: 2026–2027\nGiai đoạn hai từ 2028", ["Input.UnitId"] = world.SoA.Id.ToString(),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Tên kế hoạch: cần nhập.", html);
        Assert.Contains("Ngày ban hành: “31/02/2026” không phải ngày hợp lệ (ngày/tháng/năm, ví dụ 31/12/2030).", html);
        Assert.Contains("Đến năm: phải từ năm bắt đầu trở đi.", html);
        Assert.Contains("Giai đoạn, dòng 2: cần có dạng", html);
        Assert.Contains("aria-invalid=\"true\"", html);

        var target = await client.PostFormAsync("/hr/plans/edit", new Dictionary<string, string>
        {
            ["Input.Ordinal"] = "1", ["Input.Indicator"] = "Sửa đổi", ["Input.Kind"] = "StaffCertified", ["Input.UnitId"] = world.Province.Id.ToString(),
            ["Input.Programmes"] = "CT-KHONGCO", ["Input.Milestones[0].DueOn"] = "31/12/2025", ["Input.Milestones[0].Percent"] = "120",
            ["Input.Milestones[1].DueOn"] = "2030-12-31", ["Input.Milestones[1].Percent"] = "100",
        }, action: $"/hr/plans/{world.Plan.Id}/targets/edit/{world.Target.Id}");
        AssertDenied(target); // the seeded plan is attached to no unit: only administrators edit it

        var admin = world.App.CreateBrowser();
        await admin.SignInAsync("admin1");
        var refused = await admin.PostFormAsync($"/hr/plans/{world.Plan.Id}/targets/edit/{world.Target.Id}", new Dictionary<string, string>
        {
            ["Input.Ordinal"] = "1", ["Input.Indicator"] = "Sửa đổi", ["Input.Kind"] = "StaffCertified", ["Input.UnitId"] = world.Province.Id.ToString(),
            ["Input.Programmes"] = "CT-KHONGCO", ["Input.Milestones[0].DueOn"] = "31/12/2025", ["Input.Milestones[0].Percent"] = "120",
            ["Input.Milestones[1].DueOn"] = "2030-12-31", ["Input.Milestones[1].Percent"] = "100",
        }, action: $"/hr/plans/{world.Plan.Id}/targets/edit/{world.Target.Id}");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Chương trình được tính: không có chương trình mã “CT-KHONGCO”.", html);
        Assert.Contains("Mốc 1, tỷ lệ: cần là số lớn hơn 0 và không quá 100.", html);
        Assert.Contains("Mốc 2, thời hạn: “2030-12-31” không phải ngày hợp lệ (ngày/tháng/năm, ví dụ 31/12/2030).", html);

        var unchanged = await LoadAsync(world, world.Plan.Id);
        Assert.Equal(world.Target.Indicator, unchanged.Targets.Single().Indicator);
        Assert.Equal(2, unchanged.Targets.Single().Milestones.Count);
        Assert.Equal(1, await CountPlansAsync(world));
    }

    [Fact]
    public async Task HrEditsOnlyInTheirSubtreeAndAdministratorsEditAll()
    {
        using var world = await World.CreateAsync();
        var hra = world.App.CreateBrowser();
        await hra.SignInAsync("hra");
        var hrb = world.App.CreateBrowser();
        await hrb.SignInAsync("hrb");

        var created = await hra.PostFormAsync("/hr/plans/edit", new Dictionary<string, string>
        {
            ["Input.Title"] = "Kế hoạch của Sở A", ["Input.Issuer"] = "Sở A", ["Input.UnitId"] = world.SoA.Id.ToString(),
        });
        var planId = Guid.Parse(created.Headers.Location!.OriginalString.Split('/').Last());

        // A unit outside the subtree is refused, for the plan and for a target.
        var outside = await hra.PostFormAsync("/hr/plans/edit", new Dictionary<string, string>
        {
            ["Input.Title"] = "Kế hoạch lạ", ["Input.Issuer"] = "Sở A", ["Input.UnitId"] = world.SoB.Id.ToString(),
        });
        Assert.Contains("Đơn vị báo cáo: nằm ngoài phạm vi quản lý của bạn.", WebUtility.HtmlDecode(await outside.Content.ReadAsStringAsync()));
        var outsideTarget = await hra.PostFormAsync($"/hr/plans/{planId}/targets/edit", new Dictionary<string, string>
        {
            ["Input.Ordinal"] = "1", ["Input.Indicator"] = "Chỉ tiêu", ["Input.Kind"] = "StaffCertified", ["Input.UnitId"] = world.SchoolB1.Id.ToString(),
            ["Input.Programmes"] = "CT-KPL",
        }, action: $"/hr/plans/{planId}/targets/edit");
        Assert.Contains("Đơn vị: nằm ngoài phạm vi quản lý của bạn.", WebUtility.HtmlDecode(await outsideTarget.Content.ReadAsStringAsync()));

        // The sibling subtree's HR neither sees nor edits it (a sibling's plan is not theirs to see: 404, issue 10 item 16)...
        Assert.Equal(HttpStatusCode.NotFound, (await hrb.GetAsync($"/hr/plans/{planId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hrb.GetAsync($"/hr/plans/edit/{planId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hrb.GetAsync($"/hr/plans/{planId}/targets/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await hrb.PostFormAsync("/hr/plans/edit", new Dictionary<string, string>(), action: $"/hr/plans/edit/{planId}?handler=Delete")).StatusCode);
        Assert.DoesNotContain("Kế hoạch của Sở A", await hrb.GetStringAsync("/hr/plans"));
        Assert.Contains("Sửa kế hoạch", await hra.GetStringAsync($"/hr/plans/{planId}"));
        // ...while the province's plan, above both, is visible to both and editable by neither.
        Assert.DoesNotContain("Sửa kế hoạch", await hrb.GetStringAsync($"/hr/plans/{world.Plan.Id}"));
        AssertDenied(await hrb.GetAsync($"/hr/plans/edit/{world.Plan.Id}"));
        AssertDenied(await hra.GetAsync($"/hr/plans/{world.Plan.Id}/targets/edit"));
        // The unit picker's no-script search offers the HR's own subtree only, and saves nothing.
        var search = await hra.PostFormAsync("/hr/plans/edit", new Dictionary<string, string>
        {
            ["Input.UnitId_q"] = "truong", ["unitpicker_find"] = "Input.UnitId", ["Input.Number"] = "",
        });
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        var options = System.Net.WebUtility.HtmlDecode(await search.Content.ReadAsStringAsync());
        Assert.Contains("Trường A1", options);
        Assert.DoesNotContain("Trường B1", options);

        // An administrator edits the province's plan, then deletes the new one with its targets.
        var admin = world.App.CreateBrowser();
        await admin.SignInAsync("admin1");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/hr/plans/edit/{world.Plan.Id}")).StatusCode);
        var deleted = await admin.PostFormAsync($"/hr/plans/edit/{planId}", new Dictionary<string, string>(), action: $"/hr/plans/edit/{planId}?handler=Delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(1, await CountPlansAsync(world));
    }

    [Fact]
    public async Task EditingATargetReplacesItsMilestonesAndDeletingRemovesIt()
    {
        using var world = await World.CreateAsync();
        var admin = world.App.CreateBrowser();
        await admin.SignInAsync("admin1");
        var url = $"/hr/plans/{world.Plan.Id}/targets/edit/{world.Target.Id}";
        var form = await admin.GetStringAsync(url);
        Assert.Contains("value=\"31/12/2025\"", form);

        var saved = await admin.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Ordinal"] = "1", ["Input.Indicator"] = world.Target.Indicator, ["Input.Kind"] = "StaffCertified", ["Input.UnitId"] = world.Province.Id.ToString(),
            ["Input.Categories"] = "giáo viên", ["Input.Programmes"] = "CT-KPL",
            ["Input.Milestones[0].DueOn"] = "31/12/2027", ["Input.Milestones[0].Percent"] = "90,5",
        }, action: url);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var milestone = Assert.Single((await LoadAsync(world, world.Plan.Id)).Targets.Single().Milestones);
        Assert.Equal((new DateOnly(2027, 12, 31), 90.5m, false), (milestone.DueOn, milestone.Percent, milestone.Strict));

        var deleted = await admin.PostFormAsync(url, new Dictionary<string, string>(), action: url + "?handler=Delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Empty((await LoadAsync(world, world.Plan.Id)).Targets);
        Assert.Equal(0, await world.App.WithScopeAsync(sp => sp.GetRequiredService<ReportingDbContext>().Milestones.CountAsync()));
    }

    private static void AssertDenied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.AbsolutePath);
    }

    private static Task<Plan> LoadAsync(World world, Guid id) => world.App.WithScopeAsync(sp =>
        sp.GetRequiredService<ReportingDbContext>().Plans.AsNoTracking().Include(p => p.Phases).Include(p => p.Targets).ThenInclude(t => t.Milestones)
            .AsSplitQuery().SingleAsync(p => p.Id == id));

    private static Task<int> CountPlansAsync(World world) => world.App.WithScopeAsync(sp => sp.GetRequiredService<ReportingDbContext>().Plans.CountAsync());
}
