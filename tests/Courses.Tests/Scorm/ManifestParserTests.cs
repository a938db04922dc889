using System.Text;
using Training.Courses.Scorm;
using Training.Courses.Scorm.Data;
using Training.Courses.Scorm.Manifest;

namespace Training.Courses.Tests.Scorm;

public sealed class ManifestParserTests
{
    private static readonly HashSet<string> Files = ["sco1/index.html", "sco2/index.html", "sco3/index.html", "shared/sco.js"];

    private static ParsedManifest Parse(string xml) => ManifestParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(xml)), Files.Contains);

    private static string Problem(string xml) => Assert.Throws<ScormPackageException>(() => Parse(xml)).Message;

    [Theory]
    [InlineData(ScormPackages.Scorm12, ScormVersion.Scorm12)]
    [InlineData(ScormPackages.Scorm2004Third, ScormVersion.Scorm2004)]
    [InlineData(ScormPackages.Scorm2004Fourth, ScormVersion.Scorm2004)]
    public void ReadsEachEditionWithItsLaunchableScos(string schemaVersion, ScormVersion expected)
    {
        var manifest = Parse(ScormPackages.Manifest(schemaVersion, 1));

        Assert.Equal(expected, manifest.Version);
        Assert.Equal(schemaVersion, manifest.SchemaVersion);
        Assert.Equal("Gói kiểm thử lừa đảo trực tuyến", manifest.Title);
        var item = Assert.Single(manifest.Items);
        Assert.Equal("ITEM-1", item.Identifier);
        Assert.Equal("sco1/index.html", item.LaunchUrl);
        Assert.True(item.IsSco);
    }

    [Fact]
    public void ReadsAMultiScoPackageInOrganisationOrder()
    {
        var manifest = Parse(ScormPackages.Manifest(ScormPackages.Scorm2004Fourth, 3));

        Assert.Equal(["ITEM-1", "ITEM-2", "ITEM-3"], manifest.Items.Select(i => i.Identifier));
        Assert.Equal("Phần 2: Nhận diện lừa đảo", manifest.Items[1].Title);
    }

    [Fact]
    public void ResolvesXmlBaseAndKeepsLaunchParameters()
    {
        var xml = ScormPackages.Manifest(ScormPackages.Scorm12, 1, href: "index.html?lang=vi")
            .Replace("<resource identifier=\"RES-1\"", "<resource xml:base=\"sco1/\" identifier=\"RES-1\"", StringComparison.Ordinal);

        var item = Assert.Single(Parse(xml).Items);

        Assert.Equal("sco1/index.html", item.LaunchPath);
        Assert.Equal("sco1/index.html?lang=vi", item.LaunchUrl);
    }

    [Fact]
    public void TellsTheLineOfBrokenXml() =>
        Assert.Contains("không phải XML hợp lệ (dòng 2", Problem("<manifest>\n<metadata></manifest>"));

    [Fact]
    public void RefusesAnUnknownSchemaVersion() =>
        Assert.Contains("<schemaversion> \"2.0\" không được hỗ trợ", Problem(ScormPackages.Manifest("2.0", 1)));

    [Fact]
    public void RefusesAManifestWithoutSchemaVersionOrNamespaceToTellTheEdition() =>
        Assert.Contains("thiếu <schemaversion>", Problem(ScormPackages.Manifest(ScormPackages.Scorm2004Fourth, 1).Replace("<schemaversion>2004 4th Edition</schemaversion>", "", StringComparison.Ordinal)));

    [Theory]
    [InlineData("../../etc/passwd", "trỏ ra ngoài gói")]
    [InlineData("/etc/passwd", "đường dẫn tuyệt đối")]
    [InlineData("https://evil.example/x.html", "bên ngoài gói")]
    [InlineData("sco1\\index.html", "dấu \\")]
    [InlineData("missing/index.html", "gói không có tệp này")]
    public void RefusesALaunchHrefOutsideThePackageOrMissing(string href, string problem)
    {
        var message = Problem(ScormPackages.Manifest(ScormPackages.Scorm12, 1, href: href));

        Assert.StartsWith("tệp imsmanifest.xml:", message);
        Assert.Contains(problem, message);
    }

    [Fact]
    public void RefusesAnItemPointingToAMissingResource() =>
        Assert.Contains("trỏ tới tài nguyên \"RES-9\"", Problem(ScormPackages.Manifest(ScormPackages.Scorm12, 1).Replace("identifierref=\"RES-1\"", "identifierref=\"RES-9\"", StringComparison.Ordinal)));

    [Fact]
    public void RefusesAnOrganisationWithNothingToLaunch() =>
        Assert.Contains("không có mục học nào", Problem(ScormPackages.Manifest(ScormPackages.Scorm12, 1).Replace(" identifierref=\"RES-1\"", "", StringComparison.Ordinal)));

    [Fact]
    public void RefusesADefaultOrganisationThatDoesNotExist() =>
        Assert.Contains("default=\"ORG-1\"", Problem(ScormPackages.Manifest(ScormPackages.Scorm12, 1).Replace("identifier=\"ORG-1\"", "identifier=\"ORG-2\"", StringComparison.Ordinal)));

    [Fact]
    public void IgnoresADoctypeAndResolvesNoExternalEntity()
    {
        var xml = ScormPackages.Manifest(ScormPackages.Scorm12, 1)
            .Replace("<manifest", "<!DOCTYPE manifest [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<manifest", StringComparison.Ordinal);

        Assert.Single(Parse(xml).Items);
    }

    [Theory]
    [InlineData("../a.html")]
    [InlineData("/a.html")]
    [InlineData("a\\b.html")]
    [InlineData("C:/a.html")]
    [InlineData("a/./b.html")]
    [InlineData("a//b.html")]
    public void RefusesUnsafeZipEntryNames(string name) => Assert.NotNull(PackagePath.FromEntryName(name).Error);
}
