using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Hosting;
using Training.Abstractions.Organisation;
using Training.Certification.Data;
using Training.Certification.Issuance;
using Training.Platform.Signing;

namespace Training.Certification.Seed;

/// <summary>Three programmes for the demo courses (by course code) and certificates for part of the demo staff,
/// issued between 2024 and 2026: some expired, one revoked. Idempotent: does nothing once programmes exist.</summary>
internal sealed class CertificationDemoSeeder : IDemoSeeder
{
    public int Order => 30;

    public static IReadOnlyList<Programme> Programmes() =>
    [
        Programme("CT-KPL", "Bồi dưỡng kiến thức pháp luật về phòng, chống vi phạm pháp luật trên không gian mạng", "KPL-01", null, 24),
        Programme("CT-KNPH", "Kỹ năng phát hiện, xử lý thông tin vi phạm pháp luật trên không gian mạng", "KPL-01;KN-02", null, 24),
        Programme("CT-QTUX", "Quy tắc ứng xử trên mạng xã hội dành cho cán bộ, giáo viên", "QTUX-03", null, 12),
    ];

    private static Programme Programme(string code, string name, string courses, int? needed, int? months) => new()
    {
        Id = Guid.NewGuid(), Code = code, Name = name, CourseCodes = courses, RequiredCount = needed, MinScore = 70m, ValidityMonths = months,
        RecertificationWindowDays = 60, IssuingBody = "UBND tỉnh Ninh Bình", IssuingUnitName = "Sở Giáo dục và Đào tạo Ninh Bình",
        IssuerCode = "SGDĐT-NB", Place = "Ninh Bình", SignerTitle = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", SignerName = "Nguyễn Thị Thanh Hương",
        Wording = "Đã hoàn thành chương trình bồi dưỡng", IsActive = true,
    };

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        // The generated demo root CA and agency certificate (named DEMO) under {data}/signing, before the first PDF.
        var signers = services.GetRequiredService<DocumentSigners>();
        if (signers.DemoEnabled) _ = signers.For("Sở Giáo dục và Đào tạo Ninh Bình");
        var db = services.GetRequiredService<CertificationDbContext>();
        if (await db.Programmes.AnyAsync(ct)) return;
        var programmes = Programmes();
        db.Programmes.AddRange(programmes);
        await db.SaveChangesAsync(ct);

        var directory = services.GetRequiredService<IOrgDirectory>();
        var people = (await directory.GetPeopleAsync(new PeopleQuery(null), ct)).OrderBy(p => p.StaffCode, StringComparer.Ordinal).ToList();
        var random = new Random(30);
        var start = new DateOnly(2024, 3, 1);
        var span = new DateOnly(2026, 11, 15).DayNumber - start.DayNumber;
        var requests = new List<IssueRequest>();
        foreach (var person in people)
        {
            // The demo learner account keeps a valid certificate for the journeys; everyone else by chance.
            var isLearner = person.StaffCode == "DEMO-LEARNER";
            foreach (var programme in programmes)
            {
                if (!isLearner && random.NextDouble() > (programme.Code == "CT-KPL" ? 0.6 : 0.3)) continue;
                if (isLearner && programme.Code != "CT-KPL") continue;
                var issuedOn = isLearner ? new DateOnly(2026, 10, 5) : start.AddDays(random.Next(span));
                requests.Add(new IssueRequest(programme, person.UserId, 1, 0, "seed", 70 + random.Next(31), IssuedOn: issuedOn, Holder: person));
            }
        }
        var issuer = services.GetRequiredService<CertificateIssuer>();
        var issued = new List<Certificate>();
        foreach (var chunk in requests.OrderBy(r => r.IssuedOn).Chunk(100))
        {
            issued.AddRange((await issuer.IssueManyAsync(chunk, Environment.ProcessorCount, ct)).Select(r => r.Certificate));
        }
        var revoke = issued.FirstOrDefault(c => c.ProgrammeId == programmes[0].Id && c.ExpiresOn > new DateOnly(2026, 11, 22) && c.Source == "seed"
            && people.First(p => p.UserId == c.UserId).StaffCode != "DEMO-LEARNER");
        if (revoke is not null)
        {
            await services.GetRequiredService<CertificateActions>().RevokeAsync(revoke.Id,
                "Phát hiện gian lận trong bài kiểm tra cuối khóa", "demo-seed", ct);
        }
    }
}
