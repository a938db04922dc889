using System.Security.Cryptography;
using Training.Abstractions.Hosting;

namespace Training.LegalLibrary.Import;

/// <summary>The content hash of a corpus folder, remembered after a successful import so the next start can skip
/// re-importing (and re-indexing) a corpus that has not changed.</summary>
public sealed class CorpusFingerprint(TrainingPaths paths)
{
    private string FilePath => Path.Combine(paths.Folder(Path.Combine("index", "legal")), "corpus.sha256");

    public static string Compute(string folder)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(folder, file) + "\n"));
            sha.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    public bool Matches(string hash) => File.Exists(FilePath) && File.ReadAllText(FilePath).Trim() == hash;

    public void Remember(string hash) => File.WriteAllText(FilePath, hash);
}
