using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Organisation;
using Training.Certification.Data;
using Training.Certification.Issuance;
using Training.Platform.Time;

namespace Training.Certification.Exports;

/// <summary>HR filters over certificates, always limited to the caller's unit scope.</summary>
public sealed record CertificateFilter(Guid? Unit = null, Guid? Programme = null, string? Status = null, int? ExpiresWithinDays = null, string? Q = null);

/// <summary>One row of the HR list and exports.</summary>
public sealed record CertificateRow(
    Guid Id, string SerialNumber, string VerificationCode, string HolderName, string HolderUnit, string Programme,
    DateOnly IssuedOn, DateOnly? ExpiresOn, string Status, DateOnly? RevokedOn, string Source);

public sealed class CertificateQuery(CertificationDbContext db, IUserScope scopes, IOrgDirectory directory, TimeProvider clock)
{
    public static readonly string[] Statuses = ["valid", "expired", "revoked", "superseded"];

    /// <summary>The certificates the user may see that match the filter, newest first.</summary>
    public async Task<IQueryable<Certificate>> QueryAsync(ClaimsPrincipal user, CertificateFilter f, CancellationToken ct)
    {
        var scope = await scopes.GetScopeAsync(user, ct);
        var query = db.Certificates.AsNoTracking();
        if (!scope.All)
        {
            var visible = scope.UnitIds.ToList();
            query = query.Where(c => c.HolderUnitId != null && visible.Contains(c.HolderUnitId.Value));
        }
        if (f.Unit is { } unit)
        {
            var subtree = (await directory.GetSubtreeAsync(unit, ct)).ToList();
            query = query.Where(c => c.HolderUnitId != null && subtree.Contains(c.HolderUnitId.Value));
        }
        if (f.Programme is { } programme) query = query.Where(c => c.ProgrammeId == programme);
        var today = clock.Today();
        query = f.Status switch
        {
            "valid" => query.Where(c => c.RevokedOn == null && c.SupersededById == null && (c.ExpiresOn == null || c.ExpiresOn >= today)),
            "expired" => query.Where(c => c.RevokedOn == null && c.SupersededById == null && c.ExpiresOn != null && c.ExpiresOn < today),
            "revoked" => query.Where(c => c.RevokedOn != null),
            "superseded" => query.Where(c => c.RevokedOn == null && c.SupersededById != null),
            _ => query,
        };
        if (f.ExpiresWithinDays is { } days and >= 0)
        {
            var until = today.AddDays(days);
            query = query.Where(c => c.RevokedOn == null && c.SupersededById == null && c.ExpiresOn != null && c.ExpiresOn >= today && c.ExpiresOn <= until);
        }
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var q = f.Q.Trim();
            var code = VerificationCode.Normalize(q);
            query = query.Where(c => c.HolderName.Contains(q) || c.SerialNumber.Contains(q) || (code != null && c.VerificationCode == code));
        }
        return query.OrderByDescending(c => c.IssuedOn).ThenBy(c => c.SerialNumber);
    }

    public IQueryable<CertificateRow> Rows(IQueryable<Certificate> query)
    {
        var today = clock.Today();
        return query.Select(c => new CertificateRow(c.Id, c.SerialNumber, c.VerificationCode, c.HolderName, c.HolderUnitName, c.ProgrammeName,
            c.IssuedOn, c.ExpiresOn,
            c.RevokedOn != null ? "revoked" : c.SupersededById != null ? "superseded" : c.ExpiresOn != null && c.ExpiresOn < today ? "expired" : "valid",
            c.RevokedOn, c.Source));
    }

    public static string StatusText(string status) => status switch
    {
        "valid" => "Còn giá trị",
        "expired" => "Hết hạn",
        "revoked" => "Đã thu hồi",
        "superseded" => "Đã thay thế",
        _ => status,
    };
}
