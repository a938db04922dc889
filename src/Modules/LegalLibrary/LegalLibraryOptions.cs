namespace Training.LegalLibrary;

/// <summary>Options of the legal library, bound from the <c>LegalLibrary</c> section.</summary>
public sealed class LegalLibraryOptions
{
    public const string Section = "LegalLibrary";

    /// <summary>Import <see cref="CorpusPath"/> in the background at start.</summary>
    public bool AutoImport { get; set; } = true;

    /// <summary>The corpus folder; relative paths are resolved against the repository root (the nearest ancestor of
    /// the content root holding <c>Training.sln</c>). Default <c>../shared/corpus</c>.</summary>
    public string CorpusPath { get; set; } = "../shared/corpus";

    /// <summary>How often each node reads the corpus generation besides being told (<c>NOTIFY</c>): the longest an index
    /// stays behind when a message was missed.</summary>
    public int FollowPollSeconds { get; set; } = 15;

    /// <summary>Results per page on the search page and API.</summary>
    public int PageSize { get; set; } = 10;
}
