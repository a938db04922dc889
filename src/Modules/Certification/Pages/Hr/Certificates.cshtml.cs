using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Organisation;
using Training.Abstractions.Text;
using Training.Certification.Data;
using Training.Certification.Exports;
using Training.Platform.Exports;

namespace Training.Certification.Pages.Hr;

/// <summary>Certificates of the people in the HR user's scope: filters, paging, CSV/XLSX export and a ZIP of selected PDFs.</summary>
[Authorize(Policy = Permissions.ViewCertificates)]
public sealed class CertificatesModel(CertificateQuery query, CertificateExports exports, CertificationDbContext db,
    IUserScope scopes, IUnitSearch unitSearch) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public Guid? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Programme { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int? Expires { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;

    public UnitPickerField Picker { get; private set; } = null!;
    [BindProperty(SupportsGet = true, Name = "unit_q")] public string? UnitQuery { get; set; }
    public List<Programme> Programmes { get; private set; } = [];
    public List<CertificateRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages { get; private set; }
    public string? Error { get; private set; }

    private string? QueryTooLong => FieldLimits.Check(("Họ tên, số hiệu hoặc mã xác thực", Q, TextLimits.Line));

    private CertificateFilter Filter => new(Unit, Programme, Status, Expires, Q);

    public string QueryString(int? page = null) =>
        $"unit={Unit}&programme={Programme}&status={Status}&expires={Expires}&q={Uri.EscapeDataString(Q ?? "")}" + (page is { } p ? $"&p={p}" : "");

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetScopeAsync(User, ct);
        if (Unit is { } u && !scope.Contains(u)) Unit = null;
        Picker = await unitSearch.PickerAsync(User, "unit", "unit", Unit, UnitQuery, Request.IsUnitSearch(), required: false, ct: ct);
        Programmes = await db.Programmes.AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct);
        if ((Error = QueryTooLong) is not null)
        {
            Q = null; // never echo the refused value back into the page
            return;
        }
        var q = await query.QueryAsync(User, Filter, ct);
        Total = await q.CountAsync(ct);
        Pages = (Total + PageSize - 1) / PageSize;
        P = Math.Clamp(P, 1, Math.Max(1, Pages));
        Rows = await query.Rows(q.Skip((P - 1) * PageSize).Take(PageSize)).ToListAsync(ct);
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (QueryTooLong is { } error) return BadRequest(error);
        var rows = query.Rows(await query.QueryAsync(User, Filter, ct)).AsAsyncEnumerable();
        TableExport.StartDownload(Response, TableExport.CsvType, "chung-chi.csv");
        await exports.WriteCsvAsync(rows, Response.Body, ct);
        return new EmptyResult();
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        if (QueryTooLong is { } error) return BadRequest(error);
        var rows = query.Rows(await query.QueryAsync(User, Filter, ct));
        TableExport.StartDownload(Response, TableExport.XlsxType, "chung-chi.xlsx");
        await exports.WriteXlsxAsync(rows, Response.Body, ct);
        return new EmptyResult();
    }

    /// <summary>ZIP of the selected certificates' PDFs (only those visible in the user's scope).</summary>
    public async Task<IActionResult> OnPostZipAsync(List<Guid> selected, CancellationToken ct)
    {
        var visible = await (await query.QueryAsync(User, new CertificateFilter(), ct)).Where(c => selected.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        if (visible.Count == 0) return RedirectToPage(new { unit = Unit, programme = Programme, status = Status, expires = Expires, q = Q });
        Response.ContentType = "application/zip";
        Response.Headers.ContentDisposition = "attachment; filename=\"chung-chi.zip\"";
        // ZipArchive needs synchronous writes or a seekable stream; buffer through a temp file to keep memory flat.
        var temp = Path.GetTempFileName();
        try
        {
            await using (var file = System.IO.File.Create(temp)) await exports.WriteZipAsync(visible, file, ct);
            await using var read = System.IO.File.OpenRead(temp);
            await read.CopyToAsync(Response.Body, ct);
        }
        finally
        {
            System.IO.File.Delete(temp);
        }
        return new EmptyResult();
    }
}
