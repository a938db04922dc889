using System.IO.Compression;
using Training.Courses.Scorm.Manifest;

namespace Training.Courses.Scorm.Import;

/// <summary>The files of a zip, checked from its central directory before anything is extracted: entry count, names
/// (no traversal, no absolute paths, no backslashes), declared sizes, compression ratio and duplicates.</summary>
internal sealed class PackageEntries
{
    public required IReadOnlyList<(string Path, ZipArchiveEntry Entry)> Files { get; init; }
    public required long DeclaredBytes { get; init; }

    public static PackageEntries Check(ZipArchive zip, ScormLimits limits)
    {
        if (zip.Entries.Count > limits.MaxEntries)
            throw new ScormPackageException($"gói có {zip.Entries.Count} mục, vượt giới hạn {limits.MaxEntries}.");
        var files = new List<(string, ZipArchiveEntry)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            var (path, error) = PackagePath.FromEntryName(entry.FullName);
            if (error is not null) throw new ScormPackageException($"mục \"{Short(entry.FullName)}\" trong zip bị từ chối: {error}.");
            if (path!.EndsWith('/'))
            {
                if (entry.Length > 0) throw new ScormPackageException($"thư mục \"{Short(path)}\" lại có nội dung.");
                continue;
            }
            if (!seen.Add(path)) throw new ScormPackageException($"tệp \"{Short(path)}\" xuất hiện hai lần trong zip.");
            if (entry.Length > limits.MaxEntryBytes)
                throw new ScormPackageException($"tệp \"{Short(path)}\" giải nén ra {Mb(entry.Length)}, vượt giới hạn {Mb(limits.MaxEntryBytes)} một tệp.");
            if (entry.Length > 1 << 20 && entry.Length > (long)limits.MaxRatio * Math.Max(1, entry.CompressedLength))
                throw new ScormPackageException($"tệp \"{Short(path)}\" có tỉ lệ nén bất thường (dấu hiệu zip bomb).");
            total += entry.Length;
            if (total > limits.MaxUncompressedBytes)
                throw new ScormPackageException($"tổng dung lượng giải nén vượt giới hạn {Mb(limits.MaxUncompressedBytes)} (dấu hiệu zip bomb).");
            files.Add((path, entry));
        }
        return new PackageEntries { Files = files, DeclaredBytes = total };
    }

    internal static string Mb(long bytes) => $"{bytes / 1048576.0:0.#} MB";

    private static string Short(string s) => s.Length <= 80 ? s : s[..80] + "…";
}
