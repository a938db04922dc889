using Training.Certification.Verification;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Training.Abstractions.Certificates;
using Training.Abstractions.Organisation;
using Training.Certification.Data;
using Training.Certification.Pdf;
using Training.Platform.Outbox;
using Training.Platform.Text;
using Training.Platform.Time;

namespace Training.Certification.Issuance;

/// <summary>Issues certificates. One transaction allocates the serial number and status index, checks the
/// (person, programme, cycle, revision) slot is free, inserts the certificate, its audit entry and the
/// <see cref="CertificateIssued"/> event; the unique index is the last line of defence against races.</summary>
public sealed class CertificateIssuer(
    CertificationDbContext db, IOrgDirectory directory, TimeProvider clock, CertificatePdfService pdfs,
    VerificationCache verification, ILogger<CertificateIssuer> log)
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Issues what the person's results now earn, for every active programme listing the course. Idempotent.</summary>
    public async Task<IReadOnlyList<Certificate>> EvaluateAsync(string userId, string? courseCode, CancellationToken ct)
    {
        var programmes = (await db.Programmes.AsNoTracking().Where(p => p.IsActive).ToListAsync(ct))
            .Where(p => courseCode is null || p.CourseCodeList.Contains(courseCode, StringComparer.OrdinalIgnoreCase))
            .ToList();
        if (programmes.Count == 0) return [];
        var results = await db.CourseResults.AsNoTracking().Where(r => r.UserId == userId).ToListAsync(ct);
        var issued = new List<Certificate>();
        foreach (var programme in programmes)
        {
            var next = await NextCycleAsync(programme, userId, ct);
            if (next is null) continue;
            var outcome = CriteriaEvaluator.Evaluate(programme, results, next.Value.CountFrom);
            if (!outcome.Met) continue;
            var (certificate, _) = await IssueAsync(new IssueRequest(programme, userId, next.Value.Cycle, 0, "auto", outcome.AverageScore), ct);
            issued.Add(certificate);
        }
        return issued;
    }

    /// <summary>The cycle a new certificate would open, or null when the current one is valid and outside its
    /// recertification window. Completions count from <c>CountFrom</c> (window opening or revocation).</summary>
    public async Task<(int Cycle, DateTimeOffset? CountFrom)?> NextCycleAsync(Programme programme, string userId, CancellationToken ct)
    {
        var latest = (await db.Certificates.AsNoTracking()
                .Where(c => c.UserId == userId && c.ProgrammeId == programme.Id)
                .Select(c => new { c.Cycle, c.Revision, c.ExpiresOn, c.RevokedOn })
                .ToListAsync(ct))
            .OrderByDescending(c => c.Cycle).ThenByDescending(c => c.Revision).FirstOrDefault();
        if (latest is null) return (1, null);
        if (latest.RevokedOn is { } revoked) return (latest.Cycle + 1, VietnamClock.StartOf(revoked));
        // A cycle opened ahead of the window (the course was updated) or by the scanner says when completions count.
        var opened = await db.Cycles.AsNoTracking()
            .Where(c => c.UserId == userId && c.ProgrammeId == programme.Id && c.Cycle == latest.Cycle + 1)
            .Select(c => (DateTimeOffset?)c.CountFrom).FirstOrDefaultAsync(ct);
        if (opened is { } countFrom) return (latest.Cycle + 1, countFrom);
        if (latest.ExpiresOn is not { } expires) return null;
        var opens = expires.AddDays(-programme.RecertificationWindowDays);
        if (clock.Today() < opens) return null;
        return (latest.Cycle + 1, VietnamClock.StartOf(opens));
    }

    /// <summary>Issues into the requested slot; when the slot is taken returns the existing certificate (created = false).
    /// Renders the PDF after the commit; a crash before that leaves it to <see cref="PendingPdfWorker"/>.</summary>
    public async Task<(Certificate Certificate, bool Created)> IssueAsync(IssueRequest request, CancellationToken ct)
    {
        var result = (await IssueManyAsync([request], 1, ct)).Single();
        return result;
    }

    /// <summary>Issues a batch in one transaction, then renders the new PDFs with <paramref name="parallelism"/> workers.</summary>
    public async Task<IReadOnlyList<(Certificate Certificate, bool Created)>> IssueManyAsync(
        IReadOnlyList<IssueRequest> requests, int parallelism, CancellationToken ct)
    {
        var results = await InsertManyAsync(requests, ct);
        var created = results.Where(r => r.Created).Select(r => r.Certificate).ToList();
        if (created.Count == 0) return results;
        var programmes = requests.Select(r => r.Programme).DistinctBy(p => p.Id).ToDictionary(p => p.Id);
        var stored = new System.Collections.Concurrent.ConcurrentDictionary<Guid, (string, string, int)>();
        try
        {
            var inputs = await pdfs.LoadAsync(created, programmes, ct);
            await Parallel.ForEachAsync(created, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = ct },
                async (c, token) => stored[c.Id] = await pdfs.StoreAsync(c, programmes[c.ProgrammeId], inputs, token));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Some certificate PDFs were not rendered; the background worker retries");
        }
        foreach (var c in created)
        {
            if (!stored.TryGetValue(c.Id, out var file)) continue;
            if (await pdfs.RecordAsync(c.Id, file, ct))
            {
                (c.PdfFile, c.PdfSha256, c.PdfBytes) = file;
            }
            else
            {
                await pdfs.DiscardUnrecordedAsync(c.Id, file.Item1, ct);
            }
        }
        return results;
    }

    private async Task<List<(Certificate Certificate, bool Created)>> InsertManyAsync(IReadOnlyList<IssueRequest> requests, CancellationToken ct)
    {
        var people = new Dictionary<string, PersonInfo>();
        foreach (var r in requests)
        {
            if (people.ContainsKey(r.UserId)) continue;
            people[r.UserId] = r.Holder ?? await directory.GetPersonAsync(r.UserId, ct)
                ?? throw new InvalidOperationException($"Unknown person {r.UserId}");
        }
        var today = clock.Today();
        // The seal and signature in force now are part of what the certificate records (read before the write lock).
        var marks = await CertificateAssets.CurrentMarksAsync(db, requests.Select(r => VietnameseText.Clean(r.Programme.IssuingUnitName)).Distinct().ToList(), ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // Writing first makes SQLite take its write lock before any read; on PostgreSQL the status-list row lock
            // serialises every issuance, so the slot check below cannot race.
            await LockAsync(ct);
            var userIds = requests.Select(r => r.UserId).Distinct().ToList();
            var programmeIds = requests.Select(r => r.Programme.Id).Distinct().ToList();
            var taken = (await db.Certificates.AsNoTracking()
                    .Where(c => userIds.Contains(c.UserId) && programmeIds.Contains(c.ProgrammeId)).ToListAsync(ct))
                .ToDictionary(c => (c.UserId, c.ProgrammeId, c.Cycle, c.Revision));
            var results = new List<(Certificate, bool)>();
            var fresh = new List<(IssueRequest Request, DateOnly IssuedOn)>();
            foreach (var r in requests)
            {
                var slot = (r.UserId, r.Programme.Id, r.Cycle, r.Revision);
                if (taken.TryGetValue(slot, out var existing)) { results.Add((existing, false)); continue; }
                if (fresh.Any(f => (f.Request.UserId, f.Request.Programme.Id, f.Request.Cycle, f.Request.Revision) == slot)) continue;
                fresh.Add((r, r.IssuedOn ?? today));
            }
            if (fresh.Count == 0)
            {
                await tx.RollbackAsync(ct);
                return results;
            }
            var statusNext = await AddAsync("status-list", fresh.Count, ct) - fresh.Count;
            var serialNext = new Dictionary<string, int>();
            foreach (var group in fresh.GroupBy(f => SerialNumber.CounterName(f.Request.Programme.IssuerCode, f.IssuedOn.Year)))
            {
                serialNext[group.Key] = await AddAsync(group.Key, group.Count(), ct) - group.Count() + 1;
            }
            foreach (var (r, issuedOn) in fresh)
            {
                var p = r.Programme;
                var counter = SerialNumber.CounterName(p.IssuerCode, issuedOn.Year);
                var certificate = Build(r, people[r.UserId], issuedOn, serialNext[counter]++, statusNext++);
                certificate.SealId = marks.TryGetValue((certificate.IssuingUnitName, MarkKind.Seal), out var seal) ? seal : null;
                certificate.SignatureId = marks.TryGetValue((certificate.IssuingUnitName, MarkKind.Signature), out var signature) ? signature : null;
                db.Certificates.Add(certificate);
                if (r.Supersedes is { } oldId)
                {
                    var old = await db.Certificates.FirstAsync(c => c.Id == oldId, ct);
                    old.SupersededById = certificate.Id;
                    old.SupersededOn = issuedOn;
                    db.Audit.Add(Audit(old.Id, r.Actor, "superseded", $"Thay thế bởi {certificate.SerialNumber}: {certificate.IssueReason}"));
                }
                db.Audit.Add(Audit(certificate.Id, r.Actor, "issued", $"{r.Source}: {certificate.IssueReason}".TrimEnd(' ', ':')));
                db.Enqueue(new CertificateIssued(Guid.NewGuid(), clock.GetUtcNow(), certificate.Id, certificate.UserId, p.Id,
                    certificate.IssuedOn, certificate.ExpiresOn));
                results.Add((certificate, true));
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            foreach (var old in db.ChangeTracker.Entries<Certificate>().Where(e => e.Entity.SupersededById is not null).Select(e => e.Entity))
                await verification.InvalidateAsync(old.VerificationCode);
            db.ChangeTracker.Clear();
            return results;
        }
        catch (DbUpdateException) when (requests.Count == 1)
        {
            // Last line of defence: the unique slot index refused a duplicate.
            db.ChangeTracker.Clear();
            var r = requests[0];
            var winner = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(
                c => c.UserId == r.UserId && c.ProgrammeId == r.Programme.Id && c.Cycle == r.Cycle && c.Revision == r.Revision, ct);
            if (winner is null) throw;
            return [(winner, false)];
        }
    }

    private Certificate Build(IssueRequest r, PersonInfo person, DateOnly issuedOn, int serial, int statusIndex)
    {
        var p = r.Programme;
        return new Certificate
        {
            Id = Guid.NewGuid(),
            ProgrammeId = p.Id,
            UserId = r.UserId,
            Cycle = r.Cycle,
            Revision = r.Revision,
            SerialNumber = SerialNumber.Format(p.IssuerCode, issuedOn.Year, serial),
            VerificationCode = VerificationCode.New(),
            StatusIndex = statusIndex,
            HolderName = VietnameseText.Clean(person.FullName),
            HolderUnitId = person.PrimaryUnitId,
            HolderUnitName = VietnameseText.Clean(person.PrimaryUnitName),
            ProgrammeName = VietnameseText.Clean(p.Name),
            IssuingUnitName = VietnameseText.Clean(p.IssuingUnitName),
            ScorePercent = r.Score,
            Result = r.Score is { } s ? $"Kết quả: Đạt (điểm trung bình {s.ToString("0.#", Vi)}/100)" : "Kết quả: Đạt",
            IssuedOn = issuedOn,
            ExpiresOn = r.ExpiresOn ?? (p.ValidityMonths is { } m ? issuedOn.AddMonths(m).AddDays(-1) : null),
            Source = r.Source,
            IssueReason = r.Reason is null ? null : VietnameseText.Clean(r.Reason),
            IssuedBy = r.Actor,
            SupersedesId = r.Supersedes,
            TemplateId = p.TemplateId,
            CreatedAt = clock.GetUtcNow(),
        };
    }

    private AuditEntry Audit(Guid certificateId, string? actor, string action, string detail) => new()
    {
        CertificateId = certificateId, At = clock.GetUtcNow(), Actor = actor ?? "system", Action = action,
        Detail = detail.Length > 2000 ? detail[..2000] : detail,
    };

    private async Task LockAsync(CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"INSERT INTO cert_counters (\"Name\", \"Value\") VALUES ('status-list', 0) ON CONFLICT (\"Name\") DO NOTHING", ct);
        await db.Database.ExecuteSqlAsync($"UPDATE cert_counters SET \"Value\" = \"Value\" WHERE \"Name\" = 'status-list'", ct);
    }

    /// <summary>Adds to a named counter inside the current transaction and returns the new value.</summary>
    private async Task<int> AddAsync(string name, int count, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"INSERT INTO cert_counters (\"Name\", \"Value\") VALUES ({name}, 0) ON CONFLICT (\"Name\") DO NOTHING", ct);
        var values = await db.Database.SqlQuery<int>($"UPDATE cert_counters SET \"Value\" = \"Value\" + {count} WHERE \"Name\" = {name} RETURNING \"Value\"").ToListAsync(ct);
        return values.Single();
    }
}
