namespace Training.Abstractions.Hosting;

/// <summary>The single data folder: database, search index, generated files and keys all live under it,
/// so backing up the site is copying this folder.</summary>
public sealed class TrainingPaths
{
    /// <summary>Create for an absolute root folder (created when missing).</summary>
    public TrainingPaths(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
    }

    /// <summary>Absolute path of the data folder.</summary>
    public string Root { get; }

    /// <summary>An absolute sub-folder of the data folder, created when missing.</summary>
    public string Folder(string name)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(path);
        return path;
    }
}
