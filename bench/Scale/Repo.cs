namespace Training.Scale.Bench;

internal static class Repo
{
    /// <summary>The site's folder: WebApplicationFactory finds the content root through it when run outside a test project.</summary>
    public static string SitePath
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Training.sln"))) dir = dir.Parent;
            // A copy of the build outside the repository (a long generation run from a fixed folder) looks from the working directory.
            if (dir is null) dir = new DirectoryInfo(Environment.CurrentDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Training.sln"))) dir = dir.Parent;
            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository."), "src", "TrainingSite");
        }
    }
}
