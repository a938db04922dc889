using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Training.LegalLibrary.Import;

/// <summary>Resolves <see cref="LegalLibraryOptions.CorpusPath"/>: relative paths start at the repository root, the
/// nearest ancestor of the content root that holds <c>Training.sln</c> (the content root itself when there is none).</summary>
public sealed class CorpusLocator(IOptions<LegalLibraryOptions> options, IHostEnvironment environment)
{
    public string DefaultCorpus => Resolve(options.Value.CorpusPath);

    public string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(RepositoryRoot(environment.ContentRootPath), path));

    /// <summary>A path given on the command line: as is when it exists from the current folder (<c>dotnet run</c> may
    /// start in the project folder), otherwise relative to the repository root.</summary>
    public string UserPath(string path)
    {
        if (Path.IsPathRooted(path) || File.Exists(path) || Directory.Exists(path)) return Path.GetFullPath(path);
        return Resolve(path);
    }

    public static string RepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Training.sln"))) return dir.FullName;
        return start;
    }
}
