using System.Reflection;
using System.Xml.Linq;

namespace Training.Site.Tests.Architecture;

/// <summary>The dependency rules of docs/architecture.md, checked on both the project files and the built assemblies:
/// modules meet only in Training.Abstractions, and Abstractions carries contracts, not EF Core.</summary>
public sealed class DependencyRulesTests
{
    private static readonly string Root = FindRoot();

    public static TheoryData<string> Modules()
    {
        var data = new TheoryData<string>();
        foreach (var project in ModuleProjects()) data.Add(Path.GetFileNameWithoutExtension(project));
        return data;
    }

    [Fact]
    public void TheModulesAreFoundOnDisk() =>
        Assert.Superset(new HashSet<string> { "Organisation", "Courses", "Certification", "LegalLibrary", "Reporting" },
            ModuleProjects().Select(Path.GetFileNameWithoutExtension).ToHashSet()!);

    [Theory]
    [MemberData(nameof(Modules))]
    public void AModuleProjectReferencesNoOtherModule(string module)
    {
        var project = ModuleProjects().Single(p => Path.GetFileNameWithoutExtension(p) == module);
        var references = ProjectReferences(project).Select(Path.GetFileNameWithoutExtension).ToList();
        var others = ModuleProjects().Select(Path.GetFileNameWithoutExtension).Where(m => m != module);
        Assert.Empty(references.Intersect(others));
        Assert.Contains("Training.Abstractions", references);
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void AModuleAssemblyReferencesNoOtherModuleAssembly(string module)
    {
        var assembly = Assembly.Load(module);
        var referenced = assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
        var others = ModuleProjects().Select(Path.GetFileNameWithoutExtension).Where(m => m != module);
        Assert.Empty(referenced.Intersect(others));
        Assert.Contains("Training.Abstractions", referenced);
    }

    [Fact]
    public void AbstractionsReferencesNeitherEfCoreNorAnyProject()
    {
        var project = Path.Combine(Root, "src", "Training.Abstractions", "Training.Abstractions.csproj");
        var xml = XDocument.Load(project);
        var packages = xml.Descendants("PackageReference").Select(e => (string?)e.Attribute("Include") ?? "").ToList();
        Assert.DoesNotContain(packages, p => p.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.OrdinalIgnoreCase) || p.StartsWith("Npgsql", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(ProjectReferences(project));

        var assembly = typeof(Training.Abstractions.Hosting.TrainingPaths).Assembly;
        var referenced = assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(referenced, n => n.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || n.StartsWith("Npgsql", StringComparison.Ordinal));
        Assert.DoesNotContain(referenced, n => n.StartsWith("Training.", StringComparison.Ordinal));
    }

    [Fact]
    public void VietnamTimeIsComputedInOnePlace()
    {
        var owner = Path.Combine(Root, "src", "Training.Platform", "Time", "VietnamClock.cs");
        var copies = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && f != owner)
            .Where(f => File.ReadAllText(f) is var text && (text.Contains("FromHours(7)", StringComparison.Ordinal) || text.Contains("AddHours(7)", StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(Root, f))
            .ToList();
        Assert.True(File.Exists(owner));
        Assert.Empty(copies);
    }

    private static IEnumerable<string> ModuleProjects() =>
        Directory.EnumerateDirectories(Path.Combine(Root, "src", "Modules"))
            .SelectMany(d => Directory.EnumerateFiles(d, "*.csproj"))
            .Order(StringComparer.Ordinal);

    private static List<string> ProjectReferences(string project) =>
        XDocument.Load(project).Descendants("ProjectReference")
            .Select(e => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, ((string?)e.Attribute("Include") ?? "").Replace('\\', '/'))))
            .ToList();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Training.sln"))) return dir.FullName;
        throw new InvalidOperationException("Training.sln not found above " + AppContext.BaseDirectory);
    }
}
