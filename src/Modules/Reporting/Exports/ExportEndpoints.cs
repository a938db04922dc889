using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Training.Platform.Exports;
using Training.Reporting.Coverage;
using Training.Reporting.Reports;

namespace Training.Reporting.Exports;

/// <summary>CSV and XLSX of the dashboard's lists, and the yearly report, for the HR user's scope.</summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapReportingExports(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/hr/plans").RequireAuthorization(Permissions.ViewReports).ExcludeFromDescription();
        // One literal route per format, so every route is a plain path (the route-permission test walks them all).
        foreach (var format in new[] { "csv", "xlsx" })
        {
            group.MapGet($"/targets/{{id:guid}}/people.{format}", (Guid id, [AsParameters] PeopleFilterQuery query, ClaimsPrincipal user, ReportingQueries queries, CancellationToken ct) =>
                PeopleAsync(id, format, query, user, queries, ct));
            group.MapGet($"/targets/{{id:guid}}/units.{format}", (Guid id, Guid? unit, DateOnly? asOf, ClaimsPrincipal user, ReportingQueries queries, CancellationToken ct) =>
                UnitsAsync(id, format, unit, asOf, user, queries, ct));
        }
        foreach (var format in new[] { "pdf", "xlsx" })
        {
            group.MapGet($"/{{id:guid}}/report.{format}", (Guid id, int? year, ClaimsPrincipal user, ReportingQueries queries, YearlyReportBuilder builder,
                YearlyReportPdf pdf, CancellationToken ct) => YearlyAsync(id, format, year, user, queries, builder, pdf, ct));
        }
        return endpoints;
    }

    private static async Task<IResult> PeopleAsync(Guid id, string format, [AsParameters] PeopleFilterQuery query, ClaimsPrincipal user,
        ReportingQueries queries, CancellationToken ct)
    {
        var filter = query.ToFilter();
        if (filter.Refused is { } error) return Results.Problem(error, statusCode: StatusCodes.Status400BadRequest);
        var report = await LoadAsync(queries, id, user, filter.Unit, filter.AsOf, ct);
        if (report is null) return Results.NotFound();
        var rows = filter.Apply(await queries.PeopleAsync(report, filter.Direct, ct));
        var name = $"can-bo-chi-tieu-{report.Data.Target.Ordinal}-{report.AsOf:yyyyMMdd}";
        return format == "csv" ? TableExport.Csv(name, rows, ExportColumns.People) : TableExport.Xlsx(name, "Cán bộ", rows, ExportColumns.People);
    }

    private static async Task<IResult> UnitsAsync(Guid id, string format, Guid? unit, DateOnly? asOf, ClaimsPrincipal user,
        ReportingQueries queries, CancellationToken ct)
    {
        var report = await LoadAsync(queries, id, user, unit, asOf, ct);
        if (report?.Selected is null) return Results.NotFound();
        var rows = ExportColumns.UnitLines(report).ToList();
        var columns = ExportColumns.Units(report.Data.Target.Milestones.OrderBy(m => m.DueOn).ToList());
        var name = $"don-vi-chi-tieu-{report.Data.Target.Ordinal}-{report.AsOf:yyyyMMdd}";
        return format == "csv" ? TableExport.Csv(name, rows, columns) : TableExport.Xlsx(name, "Đơn vị", rows, columns);
    }

    private static async Task<IResult> YearlyAsync(Guid id, string format, int? year, ClaimsPrincipal user, ReportingQueries queries,
        YearlyReportBuilder builder, YearlyReportPdf pdf, CancellationToken ct)
    {
        var scope = await queries.ScopeAsync(user, ct);
        var plan = await queries.PlanAsync(id, scope, ct);
        if (plan is null) return Results.NotFound();
        var report = await builder.BuildAsync(plan, year ?? queries.Today.Year, scope, ct);
        var name = $"bao-cao-ket-qua-{report.Year}";
        return format == "pdf"
            ? Results.Stream(s => pdf.WriteAsync(report, s, ct), "application/pdf", name + ".pdf")
            : Results.Stream(s => YearlyReportXlsx.WriteAsync(report, s), TableExport.XlsxType, name + ".xlsx");
    }

    private static async Task<TargetReport?> LoadAsync(ReportingQueries queries, Guid id, ClaimsPrincipal user, Guid? unit, DateOnly? asOf, CancellationToken ct)
    {
        var scope = await queries.ScopeAsync(user, ct);
        var found = await queries.TargetAsync(id, scope, ct);
        if (found is not { } f) return null;
        var report = await queries.ReportAsync(f.Target, scope, unit, asOf ?? queries.Today, ct);
        return unit is not null && report.Selected?.Unit.Id != unit ? null : report;
    }

    public sealed record PeopleFilterQuery(Guid? Unit, DateOnly? AsOf, PersonStatus? Status, string? Category, string? Q, bool? Direct)
    {
        public PeopleFilter ToFilter() => new() { Unit = Unit, AsOf = AsOf, Status = Status, Category = Category, Q = Q, Direct = Direct == true };
    }
}
