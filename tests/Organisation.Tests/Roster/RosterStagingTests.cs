using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Organisation.Data;
using Training.Organisation.Roster;

namespace Training.Organisation.Tests.Roster;

/// <summary>The importer streams the file into a staging table in batches of <see cref="RosterStage.BatchRows"/> rows and
/// checks across rows in SQL (issue 11): errors anywhere in a file spanning several batches are all reported with their
/// row and field, duplicates are found across batches, and nothing is written unless the whole file is valid, even when
/// the write itself fails half-way.</summary>
public sealed class RosterStagingTests
{
    private const string Header = "Mã cán bộ,Họ và tên,Email,Đơn vị,Đơn vị kiêm nhiệm,Chức vụ,Đối tượng\n";
    private const string School = "Sở GD&ĐT > Trường THPT A";

    /// <summary>11,000 rows: six batches; the tests name lines up to 9,003.</summary>
    private const int Rows = 11_000;

    /// <summary>Line 2 + i holds staff code NB{i}; <paramref name="change"/> may rewrite any line.</summary>
    private static string File(Func<int, string?>? change = null, string name = "Nguyễn Văn An")
    {
        var csv = new StringBuilder(Header);
        for (var i = 0; i < Rows; i++) csv.Append(change?.Invoke(i) ?? $"NB{i:00000},{name},nb{i}@nb.edu.vn,{School},,Giáo viên,giáo viên").Append('\n');
        return csv.ToString();
    }

    private static Task<RosterImportResult> ImportAsync(TrainingApp app, string csv, Func<string, CancellationToken, Task>? probe = null) =>
        app.WithScopeAsync(sp =>
        {
            var importer = sp.GetRequiredService<RosterImporter>();
            importer.Probe = probe;
            return importer.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), RosterAuthority.System, RosterImportOptions.CreatingUnits);
        });

    /// <summary>The file's people (the test application seeds a few others) and those with the given name.</summary>
    private static Task<(int People, int Named)> CountAsync(TrainingApp app, string name) =>
        app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganisationDbContext>();
            return (await db.Users.CountAsync(u => u.StaffCode.StartsWith("NB") || u.StaffCode.StartsWith("MOI")), await db.Users.CountAsync(u => u.FullName == name));
        });

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task ErrorsInTheFirstAndLastBatchAreBothReportedAndNothingIsWritten(TestDatabase database)
    {
        Assert.True(Rows > 5 * RosterStage.BatchRows, "the file must span several batches");
        using var app = new TrainingApp(database: database);
        var lastLine = Rows + 1;
        var csv = File(i => i switch
        {
            10 => $"NB{i:00000},Nguyễn Văn An,khong-phai-email,{School},,Giáo viên,giáo viên",
            _ when i == Rows - 1 => $"NB{i:00000},Nguyễn Văn An,nb{i}@nb.edu.vn,,,Giáo viên,giáo viên",
            _ => null,
        });

        var result = await ImportAsync(app, csv);

        Assert.False(result.Succeeded);
        Assert.Equal(2, result.Errors.Count);
        Assert.Equal((12, "Email"), (result.Errors[0].Line, result.Errors[0].Column));
        Assert.Contains("khong-phai-email", result.Errors[0].Message);
        Assert.Equal((lastLine, "Đơn vị"), (result.Errors[1].Line, result.Errors[1].Column));
        Assert.StartsWith($"Dòng {lastLine}, cột «Đơn vị»: Thiếu đơn vị", result.Errors[1].ToString());
        Assert.Equal((0, 0, 0), (result.Created, result.Updated, result.UnitsCreated));
        Assert.Equal(0, (await CountAsync(app, "Nguyễn Văn An")).People);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task ADuplicateStaffCodeOrEmailInAnotherBatchNamesBothRows(TestDatabase database)
    {
        using var app = new TrainingApp(database: database);
        var csv = File(i => i switch
        {
            // Line 9,002 (third batch) repeats line 5's code in another case; line 9,003 repeats line 6's e-mail.
            9_000 => $"nb00003,Nguyễn Văn An,khac@nb.edu.vn,{School},,Giáo viên,giáo viên",
            9_001 => $"NB09001,Nguyễn Văn An,NB4@NB.EDU.VN,{School},,Giáo viên,giáo viên",
            _ => null,
        });

        var result = await ImportAsync(app, csv);

        Assert.False(result.Succeeded);
        Assert.Equal(["Dòng 9002, cột «Mã cán bộ»: Mã cán bộ «nb00003» trùng với dòng 5.",
            "Dòng 9003, cột «Email»: Email «NB4@NB.EDU.VN» trùng với dòng 6."], result.Errors.Select(e => e.ToString()));
        Assert.Equal(0, (await CountAsync(app, "Nguyễn Văn An")).People);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task TwoRowsInDifferentBatchesNamingOnePersonAreRefused(TestDatabase database)
    {
        using var app = new TrainingApp(database: database);
        Assert.True((await ImportAsync(app, File())).Succeeded);
        // Line 3 gives the person NB00001 a new e-mail; line 9,002 has a new code and that person's old e-mail.
        var result = await ImportAsync(app, File(i => i switch
        {
            1 => $"NB00001,Nguyễn Văn An,moi1@nb.edu.vn,{School},,Giáo viên,giáo viên",
            9_000 => $"MOI001,Nguyễn Văn An,nb1@nb.edu.vn,{School},,Giáo viên,giáo viên",
            _ => null,
        }));

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal((9_002, "Mã cán bộ"), (error.Line, error.Column));
        Assert.Contains("dòng 3 cùng chỉ một người", error.Message);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task AFailureInsideTheWriteLeavesTheRosterUnchangedAndTheNextImportWorks(TestDatabase database)
    {
        using var app = new TrainingApp(database: database);
        Assert.True((await ImportAsync(app, File())).Succeeded);
        var renamed = File(i => i % 2 == 0 ? $"NB{i:00000},Trần Thị Bích,nb{i}@nb.edu.vn,{School},,Giáo viên,giáo viên" : null) +
            $"MOI001,Trần Thị Bích,moi@nb.edu.vn,{School} > Tổ Toán,,Giáo viên,giáo viên\n";
        var units = await app.WithScopeAsync(sp => sp.GetRequiredService<OrganisationDbContext>().Units.CountAsync());

        // Thrown after the units and new people were inserted, before the updates: the transaction must undo both.
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ImportAsync(app, renamed,
            (step, _) => step == "writing" ? throw new InvalidOperationException("injected") : Task.CompletedTask));

        Assert.Equal("injected", failure.Message);
        Assert.Equal((Rows, 0), await CountAsync(app, "Trần Thị Bích"));
        Assert.Equal(units, await app.WithScopeAsync(sp => sp.GetRequiredService<OrganisationDbContext>().Units.CountAsync()));

        var again = await ImportAsync(app, renamed);
        Assert.True(again.Succeeded, string.Join("; ", again.Errors.Take(3)));
        Assert.Equal((1, Rows / 2, Rows / 2, 1), (again.Created, again.Updated, again.Unchanged, again.UnitsCreated));
        Assert.Equal((Rows + 1, Rows / 2 + 1), await CountAsync(app, "Trần Thị Bích"));
    }
}
