using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Audiences;
using Training.Abstractions.Certificates;
using Training.Abstractions.Organisation;
using Training.Abstractions.Text;
using Training.Reporting.Coverage;
using Training.Reporting.Data;

namespace Training.Reporting.Api;

/// <summary>The API for HR systems, authenticated with per-integration API keys (header <c>X-Api-Key</c>), each limited
/// to a unit subtree: units and people outside it are never returned.</summary>
public static class HrApi
{
    public static IEndpointRouteBuilder MapHrApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireAuthorization(ApiKeyHandler.Policy).WithTags("HR API");
        api.MapGet("/plans", PlansAsync).WithName("GetPlans")
            .WithSummary("Kế hoạch và chỉ tiêu")
            .WithDescription("The plans reported on by a unit of the key's subtree or by one of its parent units (never a sibling's), each with its targets (indicator as written, population, programmes, milestones).");
        api.MapGet("/reports/coverage", CoverageAsync).WithName("GetCoverage")
            .WithSummary("Độ bao phủ của một chỉ tiêu tại một đơn vị")
            .WithDescription("Coverage of a target for a unit of the key's subtree (default: the key's unit) as of a date (default: today, UTC+7), with each milestone's status and the child units.");
        api.MapGet("/reports/certificates", CertificatesAsync).WithName("GetCertificates")
            .WithSummary("Danh sách chứng chỉ")
            .WithDescription("Certificates of the people of a unit subtree; programme = programme code; status = valid | expired | revoked | all (default).");
        api.MapPost("/roster", RosterAsync).WithName("SyncRoster")
            .WithSummary("Đồng bộ danh sách cán bộ")
            .WithDescription("Body: a UTF-8 CSV roster (text/csv), the columns of the roster import page. All-or-nothing within the key's unit subtree (only plain staff whose primary unit is in it): 200 with counts, or 422 with every error by line and column and nothing changed. Units the file names that do not exist are created only with createUnits=true; otherwise 422 names them.")
            .Accepts<string>("text/csv");
        api.MapGet("/people/{staffCode}/assignments", PersonAssignmentsAsync).WithName("GetPersonAssignments")
            .WithSummary("Nhiệm vụ học tập của một cán bộ")
            .WithDescription("The course assignments of one person of the key's subtree, open and closed, each with its source (audience, with the audience's id and name, or manual), due date, status (assigned | in_progress | overdue | completed | closed) and, when closed, when and why. 404 for a staff code outside the subtree.");
        return endpoints;
    }

    private static async Task<Ok<List<ApiPlan>>> PlansAsync(ClaimsPrincipal user, ReportingQueries queries, IOrgDirectory directory, CancellationToken ct)
    {
        var plans = await queries.PlansAsync(await ScopeAsync(user, directory, ct), ct);
        return TypedResults.Ok(plans.Select(p => new ApiPlan(p.Id, p.Number, p.Title, p.Issuer, p.IssuedOn, p.FromYear, p.ToYear, p.BasisNumber,
            p.Targets.OrderBy(t => t.Ordinal).Select(t => new ApiTarget(t.Id, t.Ordinal, t.Indicator, t.Kind.ToString(), t.UnitId, t.CategoryList,
                t.ProgrammeCodeList, t.Milestones.OrderBy(m => m.DueOn).Select(m => new ApiMilestone(m.DueOn, m.Percent, m.Strict)).ToList())).ToList())).ToList());
    }

    private static async Task<Results<Ok<ApiCoverage>, NotFound>> CoverageAsync(Guid target, Guid? unit, DateOnly? asOf, ClaimsPrincipal user,
        ReportingQueries queries, IOrgDirectory directory, CancellationToken ct)
    {
        var scope = await ScopeAsync(user, directory, ct);
        var found = await queries.TargetAsync(target, scope, ct);
        if (found is not { } f) return TypedResults.NotFound();
        var report = await queries.ReportAsync(f.Target, scope, unit, asOf ?? queries.Today, ct);
        if (unit is not null && report.Selected?.Unit.Id != unit) return TypedResults.NotFound();
        return TypedResults.Ok(new ApiCoverage(target, report.AsOf, report.Data.State.ToString(),
            report.Selected is { } s ? Map(s) : null, report.Children.Select(Map).ToList(),
            report.Totals is { } t ? new ApiReconciliation(t.RowsPopulation, t.RowsCertified, t.SharedPeople, t.ExtraPopulation, t.ExtraCertified) : null));
    }

    private static async Task<Results<Ok<List<ApiCertificate>>, NotFound, ProblemHttpResult>> CertificatesAsync(Guid? unit, string? programme, string? status,
        ClaimsPrincipal user, ReportingQueries queries, IOrgDirectory directory, IServiceProvider services, CancellationToken ct)
    {
        if (programme is { Length: > TextLimits.Code } || status is { Length: > TextLimits.Code })
            return TypedResults.Problem($"programme, status: tối đa {TextLimits.Code} ký tự.", statusCode: StatusCodes.Status400BadRequest);
        var scope = await ScopeAsync(user, directory, ct);
        var root = unit ?? scope.RootUnitId;
        if (root is null || !scope.Contains(root)) return TypedResults.NotFound();
        if (services.GetService<ICertificateLedger>() is not { } ledger)
            return TypedResults.Problem("Chưa có dữ liệu chứng chỉ (phân hệ chứng chỉ chưa được cài đặt).", statusCode: StatusCodes.Status503ServiceUnavailable);
        var programmes = (await ledger.GetProgrammesAsync(ct))
            .Where(p => string.IsNullOrWhiteSpace(programme) || string.Equals(p.Code, programme, StringComparison.OrdinalIgnoreCase)).ToList();
        var people = (await directory.GetPeopleAsync(new PeopleQuery(root), ct)).ToDictionary(p => p.UserId);
        var facts = programmes.Count == 0 ? [] : await ledger.GetFactsAsync(programmes.Select(p => p.Id).ToList(), ct);
        var codes = programmes.ToDictionary(p => p.Id, p => p.Code);
        var today = queries.Today;
        var list = facts.Where(x => people.ContainsKey(x.UserId))
            .Select(x => (Fact: x, Status: StatusOf(x, today)))
            .Where(x => string.IsNullOrWhiteSpace(status) || status == "all" || string.Equals(x.Status, status, StringComparison.OrdinalIgnoreCase))
            .Select(x =>
            {
                var p = people[x.Fact.UserId];
                return new ApiCertificate(p.StaffCode, p.FullName, p.PrimaryUnitName, codes[x.Fact.ProgrammeId], x.Fact.SerialNumber,
                    x.Fact.IssuedOn, x.Fact.ExpiresOn, x.Fact.RevokedOn, x.Status);
            })
            .OrderBy(c => c.StaffCode, StringComparer.Ordinal).ThenBy(c => c.IssuedOn).ToList();
        return TypedResults.Ok(list);
    }

    private static async Task<Results<Ok<RosterSyncResult>, UnprocessableEntity<RosterSyncResult>>> RosterAsync(
        HttpRequest request, ClaimsPrincipal user, IOrgDirectory directory, IRosterSync roster, CancellationToken ct, bool createUnits = false)
    {
        var scope = await ScopeAsync(user, directory, ct);
        // The importer reads the body asynchronously up to its configured size limit.
        var result = await roster.ImportCsvAsync(request.Body, scope, createUnits, ct);
        return result.Succeeded ? TypedResults.Ok(result) : TypedResults.UnprocessableEntity(result);
    }

    private static async Task<Results<Ok<List<ApiAssignment>>, NotFound, ProblemHttpResult>> PersonAssignmentsAsync(string staffCode, ClaimsPrincipal user,
        IOrgDirectory directory, IServiceProvider services, CancellationToken ct)
    {
        if (staffCode.Length > TextLimits.Code)
            return TypedResults.Problem($"staffCode: tối đa {TextLimits.Code} ký tự.", statusCode: StatusCodes.Status400BadRequest);
        var scope = await ScopeAsync(user, directory, ct);
        var person = await services.GetRequiredService<IStaffLookup>().FindByStaffCodeAsync(staffCode, ct);
        if (person is null || !person.UnitIds.Append(person.PrimaryUnitId ?? Guid.Empty).Any(u => scope.Contains(u))) return TypedResults.NotFound();
        if (services.GetService<IPersonAssignments>() is not { } source)
            return TypedResults.Problem("Chưa có dữ liệu khóa học (phân hệ khóa học chưa được cài đặt).", statusCode: StatusCodes.Status503ServiceUnavailable);
        var assignments = await source.GetAssignmentsAsync(person.UserId, ct);
        var names = new Dictionary<Guid, string?>();
        if (services.GetService<IAudienceDirectory>() is { } audiences)
            foreach (var id in assignments.Select(a => a.AudienceId).OfType<Guid>().Distinct())
                names[id] = (await audiences.GetAudienceAsync(id, ct))?.Name;
        return TypedResults.Ok(assignments.Select(a => new ApiAssignment(a.CourseCode, a.CourseTitle, a.Source, a.AudienceId,
            a.AudienceId is { } aid ? names.GetValueOrDefault(aid) : null, a.DueOn, a.AssignedAt, a.Status, a.ClosedAt, a.ClosedReason)).ToList());
    }

    private static string StatusOf(CertificateFact f, DateOnly today) =>
        f.RevokedOn is { } r && r <= today ? "revoked" : f.IsValidOn(today) ? "valid" : f.IssuedOn > today ? "pending" : "expired";

    private static async Task<UnitScope> ScopeAsync(ClaimsPrincipal user, IOrgDirectory directory, CancellationToken ct)
    {
        if (!Guid.TryParse(user.FindFirstValue(ApiKeyHandler.UnitClaim), out var root)) return UnitScope.Nothing;
        return new UnitScope(false, root, await directory.GetSubtreeAsync(root, ct));
    }

    private static ApiUnitCoverage Map(UnitRow r) => new(r.Unit.Id, r.Unit.Code, r.Unit.Name, r.Now.Population, r.Now.Certified, r.Now.Percent, r.IsDirect,
        r.Milestones.Select(m => new ApiMilestoneStatus(m.Milestone.DueOn, m.Milestone.Percent, m.Milestone.Strict, m.Status.ToString(), m.CoverageOnDue, m.Forecast)).ToList());
}
