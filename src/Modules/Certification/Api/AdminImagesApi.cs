using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Training.Certification.Data;
using Training.Certification.Pdf;
using Training.Certification.Templates;

namespace Training.Certification.Api;

/// <summary>Images of the administration pages: uploaded seals and signatures, and the rendered template preview.</summary>
public static class AdminImagesApi
{
    public static IEndpointRouteBuilder MapAdminImages(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/admin").RequireAuthorization(Permissions.ManageProgrammes).ExcludeFromDescription();
        admin.MapGet("/issuers/marks/{id:guid}", MarkAsync).WithName("GetIssuerMark");
        admin.MapGet("/programmes/{id:guid}/preview.png", PreviewAsync).WithName("GetProgrammePreview");
        return endpoints;
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> MarkAsync(Guid id, CertificationDbContext db, CertificateAssets assets, CancellationToken ct) =>
        await assets.MarkAsync(db, id, ct) is { } mark ? TypedResults.File(mark.Png, "image/png") : TypedResults.NotFound();

    /// <summary>Page 1 (front) or 2 (courses) of a certificate the programme would issue today.</summary>
    private static async Task<Results<FileContentHttpResult, NotFound>> PreviewAsync(Guid id, int? page, CertificationDbContext db,
        ProgrammeTemplates templates, CertificatePreview preview, HttpResponse response, CancellationToken ct)
    {
        var programme = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (programme is null) return TypedResults.NotFound();
        var document = await templates.PreviewAsync(programme, ct);
        response.Headers.CacheControl = "no-store";
        return TypedResults.File(preview.Png(document, page == 2 ? 2 : 1), "image/png");
    }
}
