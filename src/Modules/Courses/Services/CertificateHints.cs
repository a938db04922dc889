using Training.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Certificates;
using Training.Courses.Data;

namespace Training.Courses.Services;

public enum CertificateState
{
    /// <summary>Passed, but lessons remain: no completion yet.</summary>
    LessonsLeft,
    /// <summary>Completed; Certification has not received the completion yet (outbox message pending).</summary>
    BeingIssued,
    /// <summary>Completed and received; the learner holds a valid certificate of a programme that includes the course.</summary>
    Held,
    /// <summary>Completed and received; the course counts towards a programme whose criteria are not met yet.</summary>
    NotYetEarned,
    /// <summary>Completed; the course belongs to no certification programme.</summary>
    NoProgramme,
}

/// <summary>One certificate the learner holds: the programme, and whether it came from this completion.</summary>
public sealed record HeldCertificate(string ProgrammeName, DateOnly IssuedOn, DateOnly? ExpiresOn, bool New);

public sealed record CertificateHint(CertificateState State, IReadOnlyList<HeldCertificate> Held, IReadOnlyList<string> Pending)
{
    /// <summary>The learner's certificates page in the Certification module.</summary>
    public const string CertificatesUrl = "/certificates";
}

/// <summary>After a pass, tells the learner where their certificate stands. Certification issues certificates
/// asynchronously from <c>CourseCompleted</c> (outbox), so right after the pass it is usually "being issued"; Courses
/// reads the result only through <see cref="ICertificateLedger"/> and never Certification's tables.</summary>
public sealed class CertificateHints(CoursesDbContext db, IServiceProvider services, TimeProvider clock)
{
    public async Task<CertificateHint?> ForAsync(QuizAttempt attempt, CancellationToken ct = default)
    {
        var completion = await db.Completions.AsNoTracking().FirstOrDefaultAsync(c => c.EnrolmentId == attempt.EnrolmentId, ct);
        if (completion is null) return new(CertificateState.LessonsLeft, [], []);
        if (services.GetService<ICertificateLedger>() is not { } ledger) return null;
        // The CourseCompleted message carries the completion id as its event id (LearningService.CompleteAsync).
        if (await db.Outbox.AnyAsync(m => m.Id == completion.Id && m.ProcessedAt == null, ct)) return new(CertificateState.BeingIssued, [], []);
        var code = await db.Courses.AsNoTracking().Where(c => c.Id == completion.CourseId).Select(c => c.Code).FirstOrDefaultAsync(ct);
        var programmes = (await ledger.GetProgrammesAsync(ct)).Where(p => p.CourseCodes.Contains(code ?? "", StringComparer.OrdinalIgnoreCase)).ToList();
        if (programmes.Count == 0) return new(CertificateState.NoProgramme, [], []);
        var today = clock.Today();
        var completedOn = VietnamClock.DateOf(completion.CompletedAt);
        // The ledger answers whole programmes; this page is opened once per pass, so filtering here is affordable.
        var facts = (await ledger.GetFactsAsync(programmes.Select(p => p.Id).ToList(), ct))
            .Where(f => f.UserId == completion.UserId && f.IsValidOn(today)).ToList();
        var held = programmes.SelectMany(p => facts.Where(f => f.ProgrammeId == p.Id)
                .Select(f => new HeldCertificate(p.Name, f.IssuedOn, f.ExpiresOn, f.IssuedOn >= completedOn)))
            .OrderByDescending(h => h.IssuedOn).ToList();
        var pending = programmes.Where(p => facts.All(f => f.ProgrammeId != p.Id)).Select(p => p.Name).ToList();
        return new(held.Count > 0 ? CertificateState.Held : CertificateState.NotYetEarned, held, pending);
    }

}
