using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Storage;
using Training.Certification.Data;

namespace Training.Certification.Pdf;

/// <summary>Certificate PDFs in the shared blob store (<c>certificates/&lt;id&gt;-&lt;sha256 prefix&gt;.pdf</c>): in use while the
/// certificate records that file. A render whose process died before the record, or a render that lost the race to a
/// second one and whose discard failed, is not.</summary>
internal sealed class CertificateBlobOwner(CertificationDbContext db) : IBlobOwner
{
    public string Prefix => "certificates/";

    public async Task<IReadOnlySet<string>> InUseAsync(IReadOnlyCollection<string> keys, CancellationToken ct = default)
    {
        var ids = BlobKey.IdsAt(keys, 1);
        var files = await db.Certificates.AsNoTracking().Where(c => ids.Contains(c.Id) && c.PdfFile != null).Select(c => c.PdfFile!).ToListAsync(ct);
        var wanted = keys.ToHashSet(StringComparer.Ordinal);
        return files.Select(f => Prefix + f).Where(wanted.Contains).ToHashSet(StringComparer.Ordinal);
    }
}
