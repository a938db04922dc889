using Training.Certification.Verification;
using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Certificates;
using Training.Certification.Data;
using Training.Platform.Outbox;
using Training.Platform.Text;
using Training.Platform.Time;

namespace Training.Certification.Issuance;

/// <summary>HR actions on certificates: manual issuance, revocation, reissue. Each needs a reason and is audited.</summary>
public sealed class CertificateActions(CertificationDbContext db, CertificateIssuer issuer, TimeProvider clock, VerificationCache verification)
{
    public async Task<(Certificate? Certificate, string? Error)> IssueManuallyAsync(Guid programmeId, string userId, string reason, string actor, CancellationToken ct)
    {
        reason = VietnameseText.Clean(reason);
        if (reason.Length == 0) return (null, "Cần nêu lý do cấp chứng chỉ.");
        if (FieldLimits.Reason(reason) is { } tooLong) return (null, tooLong);
        var programme = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programmeId, ct);
        if (programme is null) return (null, "Không tìm thấy chương trình.");
        var next = await issuer.NextCycleAsync(programme, userId, ct);
        if (next is null) return (null, "Người này đang có chứng chỉ còn hiệu lực của chương trình.");
        var (certificate, created) = await issuer.IssueAsync(
            new IssueRequest(programme, userId, next.Value.Cycle, 0, "manual", null, reason, actor), ct);
        return created ? (certificate, null) : (null, "Chứng chỉ đã được cấp.");
    }

    public async Task<string?> RevokeAsync(Guid certificateId, string reason, string actor, CancellationToken ct)
    {
        reason = VietnameseText.Clean(reason);
        if (reason.Length == 0) return "Cần nêu lý do thu hồi.";
        if (FieldLimits.Reason(reason) is { } tooLong) return tooLong;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var certificate = await db.Certificates.FirstOrDefaultAsync(c => c.Id == certificateId, ct);
        if (certificate is null) return "Không tìm thấy chứng chỉ.";
        if (certificate.RevokedOn is not null) return "Chứng chỉ đã bị thu hồi.";
        certificate.RevokedOn = clock.Today();
        certificate.RevocationReason = reason;
        db.Audit.Add(new AuditEntry { CertificateId = certificate.Id, At = clock.GetUtcNow(), Actor = actor, Action = "revoked", Detail = reason });
        db.Enqueue(new CertificateRevoked(Guid.NewGuid(), clock.GetUtcNow(), certificate.Id, certificate.UserId, certificate.ProgrammeId,
            certificate.RevokedOn.Value, reason));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await verification.InvalidateAsync(certificate.VerificationCode);
        return null;
    }

    /// <summary>A replacement in the same cycle (new serial and code, same expiry); the old one reads "superseded".</summary>
    public async Task<(Certificate? Certificate, string? Error)> ReissueAsync(Guid certificateId, string reason, string actor, CancellationToken ct)
    {
        reason = VietnameseText.Clean(reason);
        if (reason.Length == 0) return (null, "Cần nêu lý do cấp lại.");
        if (FieldLimits.Reason(reason) is { } tooLong) return (null, tooLong);
        var old = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == certificateId, ct);
        if (old is null) return (null, "Không tìm thấy chứng chỉ.");
        if (old.RevokedOn is not null || old.SupersededById is not null) return (null, "Chỉ cấp lại được chứng chỉ đang có hiệu lực hoặc đã hết hạn.");
        var programme = await db.Programmes.AsNoTracking().FirstAsync(p => p.Id == old.ProgrammeId, ct);
        var (certificate, created) = await issuer.IssueAsync(new IssueRequest(programme, old.UserId, old.Cycle, old.Revision + 1, "reissue",
            old.ScorePercent, reason, actor, ExpiresOn: old.ExpiresOn, Supersedes: old.Id), ct);
        return created ? (certificate, null) : (null, "Chứng chỉ này đã được cấp lại.");
    }
}
