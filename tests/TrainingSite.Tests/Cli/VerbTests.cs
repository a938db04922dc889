using System.Text;

namespace Training.Site.Tests.Cli;

public sealed class VerbTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "training-cli-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task MigrateCreatesTheDatabaseUnderTheDataFolder()
    {
        var (code, output, _) = await SiteProcess.RunAsync(_data, null, "migrate");

        Assert.Equal(0, code);
        Assert.Contains("Database is up to date.", output);
        Assert.True(File.Exists(Path.Combine(_data, "training.db")));
    }

    [Fact]
    public async Task CreateAdminCreatesTheFirstAdministratorWithAGeneratedPassword()
    {
        var (code, output, error) = await SiteProcess.RunAsync(_data, null, "create-admin", "quantri", "quantri@so.gov.vn", "--name", "Nguyễn Quản Trị");

        Assert.True(code == 0, error);
        Assert.Contains("Administrator 'quantri' created.", output);
        Assert.Matches("Password \\(shown once.*\\): \\S{12,}", output);
    }

    [Fact]
    public async Task CreateAdminWithAWeakPasswordFailsWithAClearMessage()
    {
        var (code, _, error) = await SiteProcess.RunAsync(_data, "yeu", "create-admin", "quantri", "quantri@so.gov.vn", "--password-stdin");

        Assert.Equal(1, code);
        Assert.Contains("create-admin failed", error);
        Assert.Contains("ít nhất 10 ký tự", error);
    }

    [Fact]
    public async Task CreateAdminRefusesAnOverlongNameWithTheFieldNamed()
    {
        var (code, _, error) = await SiteProcess.RunAsync(_data, null, "create-admin", "quantri", "quantri@so.gov.vn", "--name", new string('A', 201));

        Assert.Equal(1, code);
        Assert.Contains("create-admin failed: --name has 201 characters, at most 200.", error);
    }

    [Fact]
    public async Task ImportRosterReportsBadRowsAndExitsNonZero()
    {
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".csv");
        var deep = "Sở A" + string.Concat(Enumerable.Range(1, 299).Select(i => $" > Cấp {i}"));
        await File.WriteAllTextAsync(file, $"Mã cán bộ,Họ và tên,Đơn vị\nA1,Nguyễn An,Sở A\n,Trần Bình,Sở A\nA3,Lê Chi,{deep}\n", new UTF8Encoding(true));
        try
        {
            var (code, _, error) = await SiteProcess.RunAsync(_data, null, "import-roster", file);
            Assert.Equal(1, code);
            Assert.Contains("nothing changed", error);
            Assert.Contains("Dòng 3, cột «Mã cán bộ»: Thiếu mã cán bộ.", error);
            Assert.Contains("Dòng 4, cột «Đơn vị»: Đường dẫn đơn vị có 300 cấp, tối đa 10 cấp.", error);

            await File.WriteAllTextAsync(file, "Mã cán bộ,Họ và tên,Đơn vị\nA1,Nguyễn An,Sở A\nA2,Trần Bình,Sở A > Phòng B\n", new UTF8Encoding(false));
            var (unconfirmed, _, listed) = await SiteProcess.RunAsync(_data, null, "import-roster", file);
            Assert.Equal(1, unconfirmed);
            Assert.Contains("--create-units", listed);
            Assert.Contains("Dòng 3: Sở A > Phòng B", listed);

            var (ok, output, _) = await SiteProcess.RunAsync(_data, null, "import-roster", file, "--create-units");
            Assert.Equal(0, ok);
            Assert.Contains("2 created, 0 updated, 0 unchanged, 2 new units", output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task UnknownVerbExitsNonZeroAndListsTheVerbs()
    {
        var (code, _, error) = await SiteProcess.RunAsync(_data, null, "frobnicate");

        Assert.Equal(2, code);
        Assert.Contains("Unknown verb 'frobnicate'.", error);
        Assert.Contains("import-roster <file.csv> [--create-units]", error);
    }

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }
}
