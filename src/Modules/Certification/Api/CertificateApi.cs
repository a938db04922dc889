using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Training.Certification.Credentials;
using Training.Certification.Data;
using Training.Certification.Exports;
using Training.Certification.Pdf;
using Training.Certification.Verification;

namespace Training.Certification.Api;

/// <summary>Public verification, credentials and keys, and the HR listing for other systems.</summary>
public static class CertificateApi
{
    public const string VerifyPolicy = "certificate-verify";

    public static IEndpointRouteBuilder MapCertificateApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/certificates").WithTags("Certificates");
        // Public on purpose: anyone verifies a certificate (the QR code), its credential and the keys that sign it.
        api.MapGet("/{code}", GetAsync).WithName("GetCertificate").RequireRateLimiting(VerifyPolicy).AllowAnonymous();
        api.MapGet("/{code}/credential", CredentialAsync).WithName("GetCertificateCredential").RequireRateLimiting(VerifyPolicy).AllowAnonymous();
        api.MapGet("/status-list", StatusListAsync).WithName("GetCertificateStatusList").AllowAnonymous();
        api.MapGet("/jwks", Jwks).WithName("GetCertificateJwks").AllowAnonymous();
        api.MapGet("/", ListAsync).WithName("ListCertificates").RequireAuthorization(Permissions.ViewCertificates);
        endpoints.MapGet("/.well-known/jwks.json", Jwks).WithName("GetJwks").WithTags("Certificates").AllowAnonymous();
        endpoints.MapGet("/certificates/{code}/pdf", PdfAsync).WithName("GetCertificatePdf").WithTags("Certificates").RequireRateLimiting(VerifyPolicy).AllowAnonymous();
        return endpoints;
    }

    private static async Task<Results<Ok<VerificationView>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>>> GetAsync(
        string code, VerificationService verification, CancellationToken ct)
    {
        var (outcome, view, _) = await verification.FindAsync(code, ct);
        return outcome switch
        {
            VerificationService.Outcome.Found => TypedResults.Ok(view!),
            VerificationService.Outcome.Unknown => TypedResults.NotFound(Problem(404, "Không tìm thấy chứng chỉ với mã xác thực này.")),
            _ => TypedResults.BadRequest(Problem(400, "Mã xác thực gồm 16 ký tự, ví dụ 7KQ4-M2XD-9TBF-H3WN.")),
        };
    }

    private static async Task<Results<ContentHttpResult, NotFound<ProblemDetails>>> CredentialAsync(
        string code, VerificationService verification, CredentialService credentials, CertificationDbContext db, CancellationToken ct)
    {
        var (_, _, certificate) = await verification.FindAsync(code, ct);
        if (certificate is null) return TypedResults.NotFound(Problem(404, "Không tìm thấy chứng chỉ với mã xác thực này."));
        var programme = await db.Programmes.AsNoTracking().FirstAsync(p => p.Id == certificate.ProgrammeId, ct);
        return TypedResults.Text(credentials.Sign(certificate, programme), "application/vc+jwt");
    }

    private static async Task<ContentHttpResult> StatusListAsync(CredentialService credentials, CancellationToken ct) =>
        TypedResults.Text(await credentials.SignStatusListAsync(ct), "application/vc+jwt");

    private static Ok<object> Jwks(SigningKey key) => TypedResults.Ok(key.Jwks);

    /// <summary>The PDF is public to whoever holds the code (80 random bits): it shows only what the verify page shows.</summary>
    private static async Task<Results<FileStreamHttpResult, NotFound>> PdfAsync(
        string code, VerificationService verification, CertificatePdfService pdfs, CertificateFiles files, CancellationToken ct)
    {
        var (_, _, certificate) = await verification.FindAsync(code, ct);
        if (certificate is null) return TypedResults.NotFound();
        certificate = await pdfs.EnsurePdfAsync(certificate, ct);
        var stream = await files.OpenReadAsync(certificate.PdfFile!, ct);
        if (stream is null) return TypedResults.NotFound();
        var name = certificate.SerialNumber.Replace('/', '-') + ".pdf";
        return TypedResults.File(stream, "application/pdf", name, enableRangeProcessing: false);
    }

    private static async Task<Ok<List<CertificateRow>>> ListAsync(
        ClaimsPrincipal user, CertificateQuery query, CancellationToken ct,
        Guid? unit = null, Guid? programme = null, string? status = null, int? expiresWithinDays = null)
    {
        var q = await query.QueryAsync(user, new CertificateFilter(unit, programme, status, expiresWithinDays), ct);
        return TypedResults.Ok(await query.Rows(q).Take(10_000).ToListAsync(ct));
    }

    private static ProblemDetails Problem(int status, string detail) => new() { Status = status, Title = detail, Detail = detail };
}
