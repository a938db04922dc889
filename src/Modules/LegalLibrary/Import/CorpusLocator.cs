using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Training.LegalLibrary.Import;

/// <summary>Resolves <see cref="LegalLibraryOptions.CorpusPath"/>: relative paths start at the repository root, the
/// nearest ancestor of the content root that holds <c>Training.sln</c> (the content root itself when there is none).</summary>
public sealed class CorpusLocator(IOptions<LegalLibraryOptions> options, IHostEnvironment environment)
{
    public string DefaultCorpus => Resolve(options.Value.CorpusPath);

    public string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(RepositoryRoot(environment.ContentRootPath), path));

    public static string RepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Training.sln"))) return dir.FullName;
        return start;
    }
}
