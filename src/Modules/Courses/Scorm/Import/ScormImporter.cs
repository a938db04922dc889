using System.Buffers;
using System.IO.Compression;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Training.Abstractions.Storage;
using Training.Abstractions.Text;
using Training.Courses.Data;
using Training.Courses.Scorm.Data;
using Training.Courses.Scorm.Manifest;
using Training.Courses.Services;
using Training.Platform.Text;

namespace Training.Courses.Scorm.Import;

/// <summary>Imports a SCORM zip as a new lesson of a draft course. Checked first from the central directory and the
/// manifest; then each file is streamed from the zip into the blob store under the new package's keys (invisible
/// until the package row exists); then one SaveChanges writes the package, its items and files and the lesson. Any
/// refusal or failure deletes the blobs already written, so nothing half-stored remains.</summary>
public sealed class ScormImporter(CoursesDbContext db, AuthoringService authoring, IBlobStore blobs, IOptions<ScormLimits> options,
    TimeProvider clock, ILogger<ScormImporter> log)
{
    private static readonly FileExtensionContentTypeProvider Types = new();

    /// <param name="course">The draft, loaded with its sections and lessons (tracked by this scope's context).</param>
    /// <param name="fileName">The uploaded file's name, used in messages.</param>
    public async Task<ScormPackage> ImportAsync(Course course, Guid? sectionId, string fileName, Stream zip, string userId, CancellationToken ct = default)
    {
        fileName = VietnameseText.Clean(Path.GetFileName(fileName));
        if (fileName.Length > TextLimits.Line) fileName = fileName[..TextLimits.Line];
        try
        {
            return await ImportCheckedAsync(course, sectionId, fileName, zip, userId, ct);
        }
        catch (ScormPackageException e)
        {
            throw new ScormPackageException($"Gói «{fileName}»: {e.Message}");
        }
    }

    private async Task<ScormPackage> ImportCheckedAsync(Course course, Guid? sectionId, string fileName, Stream zip, string userId, CancellationToken ct)
    {
        var limits = options.Value;
        if (!zip.CanSeek) throw new InvalidOperationException("The package stream must be seekable (a buffered upload or a file).");
        if (zip.Length > limits.MaxUploadBytes)
            throw new ScormPackageException($"tệp nặng {PackageEntries.Mb(zip.Length)}, vượt giới hạn {PackageEntries.Mb(limits.MaxUploadBytes)}.");
        var section = sectionId is { } sid ? course.Sections.FirstOrDefault(s => s.Id == sid) ?? throw new ScormPackageException("phần được chọn không thuộc khóa học.") : null;
        using var archive = Open(zip);
        var entries = PackageEntries.Check(archive, limits);
        var paths = entries.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var manifestEntry = entries.Files.FirstOrDefault(f => f.Path == ManifestParser.FileName).Entry
            ?? throw new ScormPackageException($"không có tệp {ManifestParser.FileName} ở thư mục gốc của zip (gói SCORM nào cũng phải có).");
        if (manifestEntry.Length > limits.MaxManifestBytes) throw new ScormPackageException($"tệp {ManifestParser.FileName} quá lớn.");
        ParsedManifest manifest;
        await using (var manifestStream = Read(manifestEntry, ManifestParser.FileName, limits.MaxManifestBytes, _ => true))
            manifest = ManifestParser.Parse(manifestStream, paths.Contains, limits.MaxItems);

        var package = new ScormPackage
        {
            Id = Guid.NewGuid(), CourseId = course.Id, Version = manifest.Version, SchemaVersion = manifest.SchemaVersion,
            Title = VietnameseText.Clean(manifest.Title), FileName = fileName, FileCount = entries.Files.Count,
            UncompressedBytes = entries.DeclaredBytes, ImportedAt = clock.GetUtcNow(), ImportedBy = userId,
            Items = manifest.Items.Select((i, n) => new ScormSco
            {
                Order = n + 1, Identifier = i.Identifier, Title = VietnameseText.Clean(i.Title), LaunchUrl = i.LaunchUrl, IsSco = i.IsSco,
                MasteryScore = i.MasteryScore, LaunchData = i.LaunchData,
            }).ToList(),
        };
        var written = new List<string>();
        try
        {
            var files = await StoreAsync(package.Id, entries, limits, written, ct);
            section ??= course.Sections.LastOrDefault() ?? authoring.AddSection(course, "Phần 1");
            var lesson = authoring.AddLesson(course, section, package.Title.Length > 0 ? package.Title : fileName,
                ScormLessonMarker.Format(package.Id, $"Bài học tương tác (gói SCORM {(manifest.Version == ScormVersion.Scorm12 ? "1.2" : "2004")}: {fileName})."));
            package.LessonId = lesson.Id;
            db.Set<ScormPackage>().Add(package);
            db.Set<ScormFile>().AddRange(files);
            await db.SaveChangesAsync(ct);
            return package;
        }
        catch
        {
            db.ChangeTracker.Clear();
            await DeleteAsync(written);
            throw;
        }
    }

    private static ZipArchive Open(Stream zip)
    {
        try
        {
            return new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw new ScormPackageException("không phải tệp zip hợp lệ.");
        }
    }

    /// <summary>Entries up to this size are inflated into memory and stored while the next ones are read, at most
    /// <see cref="PutsInFlight"/> at a time: a put's cost is mostly waiting (the file store flushes each file to disk,
    /// about 2.5 ms here; a database or S3 store waits on the network), and a package is hundreds of small files. Larger
    /// entries stream straight into the store, one at a time. Memory stays bounded: at most 5 such buffers, pooled.</summary>
    private const int BufferedEntryBytes = 1024 * 1024;
    private const int PutsInFlight = 4;

    private async Task<List<ScormFile>> StoreAsync(Guid packageId, PackageEntries entries, ScormLimits limits, List<string> written, CancellationToken ct)
    {
        var budget = limits.MaxUncompressedBytes;
        var files = new List<ScormFile>(entries.Files.Count);
        var inFlight = new Queue<Task<ScormFile>>();
        var n = 0;
        try
        {
            foreach (var (path, entry) in entries.Files)
            {
                var key = $"scorm/{packageId:N}/{++n}";
                written.Add(key);
                if (!Types.TryGetContentType(path, out var type)) type = "application/octet-stream";
                await using var content = Read(entry, path, entry.Length, bytes => (budget -= bytes) >= 0);
                if (entry.Length <= BufferedEntryBytes)
                {
                    // Pooled: these buffers would otherwise be large-object garbage, hundreds per package. LimitedStream
                    // refuses an entry that inflates past its declared length, so reading one byte more checks the end.
                    var length = (int)entry.Length;
                    var buffer = ArrayPool<byte>.Shared.Rent(length + 1);
                    try
                    {
                        var read = await content.ReadAtLeastAsync(buffer.AsMemory(0, length + 1), length + 1, throwOnEndOfStream: false, ct);
                        if (inFlight.Count == PutsInFlight) files.Add(await inFlight.Dequeue());
                        inFlight.Enqueue(PutPooledAsync(packageId, path, key, buffer, read, type, ct));
                    }
                    catch
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        throw;
                    }
                }
                else
                {
                    while (inFlight.Count > 0) files.Add(await inFlight.Dequeue());
                    files.Add(await PutAsync(packageId, path, key, content, type, ct));
                }
            }
            while (inFlight.Count > 0) files.Add(await inFlight.Dequeue());
            return files;
        }
        catch
        {
            // Let the puts still running finish before the caller deletes their keys.
            try { await Task.WhenAll(inFlight); } catch (Exception) { }
            throw;
        }
    }

    private async Task<ScormFile> PutPooledAsync(Guid packageId, string path, string key, byte[] buffer, int length, string type, CancellationToken ct)
    {
        try
        {
            await using var content = new MemoryStream(buffer, 0, length, writable: false);
            return await PutAsync(packageId, path, key, content, type, ct);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Stores one file; the caller owns <paramref name="content"/> and disposes it.</summary>
    private async Task<ScormFile> PutAsync(Guid packageId, string path, string key, Stream content, string type, CancellationToken ct)
    {
        var info = await blobs.PutAsync(key, content, type, ct);
        return new ScormFile { PackageId = packageId, Path = path, BlobKey = key, Length = info.Length };
    }

    private static LimitedStream Read(ZipArchiveEntry entry, string path, long limit, Func<long, bool> budget)
    {
        try
        {
            return new LimitedStream(entry.Open(), limit, budget, path);
        }
        catch (InvalidDataException)
        {
            throw new ScormPackageException($"tệp \"{path}\" trong zip bị hỏng hoặc dùng kiểu nén không hỗ trợ.");
        }
    }

    private async Task DeleteAsync(List<string> keys)
    {
        foreach (var key in keys)
        {
            try { await blobs.DeleteAsync(key, CancellationToken.None); }
            catch (Exception e) { log.LogWarning(e, "Could not delete SCORM blob {Key} of a refused import.", key); }
        }
    }
}
