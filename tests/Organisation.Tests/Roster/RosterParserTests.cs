using System.Text;
using Training.Organisation.Roster;

namespace Training.Organisation.Tests.Roster;

public sealed class RosterParserTests
{
    /// <summary>The file through the importer's streaming reader: the valid rows and every error.</summary>
    private static (List<RosterRow> Rows, List<RosterError> Errors) Parse(string csv, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(csv);
        if (bom) bytes = [.. Encoding.UTF8.GetPreamble(), .. bytes];
        var errors = new List<RosterError>();
        var rows = RosterParser.Read(new MemoryStream(bytes), errors).Where(l => l.Row is not null).Select(l => l.Row!).ToList();
        return (rows, errors);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadsVietnameseHeadersWithOrWithoutBom(bool bom)
    {
        var (rows, errors) = Parse("Mã cán bộ,Họ và tên,Email,Đơn vị,Chức vụ,Đối tượng\nGV001,Nguyễn Thị Hoa,hoa@example.vn,Sở A > Trường B,Giáo viên,Giáo viên\n", bom);

        Assert.Empty(errors);
        var row = Assert.Single(rows);
        Assert.Equal("GV001", row.StaffCode);
        Assert.Equal("Nguyễn Thị Hoa", row.FullName);
        Assert.Equal(["Sở A", "Trường B"], row.UnitPath);
        Assert.Equal("giáo viên", row.StaffCategory);
    }

    [Fact]
    public void AcceptsUnaccentedHeadersAndSemicolons()
    {
        var (rows, errors) = Parse("ma can bo;ho va ten;don vi\nX01;Lê Văn Tám;Sở A\n");
        Assert.Empty(errors);
        Assert.Single(rows);
    }

    [Fact]
    public void NfdNamesAreStoredAsNfc()
    {
        var name = "Trần Thị Thủy".Normalize(NormalizationForm.FormD);
        var (rows, _) = Parse($"Mã cán bộ,Họ và tên,Đơn vị\nA1,{name},Sở A\n");
        Assert.True(rows[0].FullName.IsNormalized(NormalizationForm.FormC));
    }

    /// <summary>Each line on its own; duplicates across lines are the importer's SQL checks (RosterStagingTests).</summary>
    [Fact]
    public void ReportsEveryErrorByLineAndColumn()
    {
        var csv = "Mã cán bộ,Họ và tên,Email,Đơn vị\n" +
                  "A1,Nguyễn An,an@x.vn,Sở A\n" +       // line 2: fine
                  ",Trần Bình,not-an-email,Sở A\n" +    // line 3: code missing, bad email
                  "A1,Lê Chi,chi@x.vn,\n" +             // line 4: unit missing
                  "A4,Ph@m 123,an@x.vn,Sở A\n";         // line 5: bad name
        var (_, errors) = Parse(csv);

        Assert.Contains(errors, e => e is { Line: 3, Column: "Mã cán bộ" });
        Assert.Contains(errors, e => e is { Line: 3, Column: "Email" });
        Assert.Contains(errors, e => e is { Line: 4, Column: "Đơn vị" });
        Assert.Contains(errors, e => e is { Line: 5, Column: "Họ và tên" });
        Assert.Equal(4, errors.Count);
    }

    [Fact]
    public void MissingRequiredColumnAndUnknownColumnAreReportedOnTheHeader()
    {
        var (_, errors) = Parse("Họ và tên,Lương\nAn,1000\n");
        Assert.Contains(errors, e => e is { Line: 1, Column: "Lương" });
        Assert.Contains(errors, e => e is { Line: 1, Column: "Mã cán bộ" });
        Assert.Contains(errors, e => e is { Line: 1, Column: "Đơn vị" });
    }

    [Fact]
    public void EmptyFileAndInvalidUtf8AreErrors()
    {
        Assert.Contains("rỗng", Parse("").Errors.Single().Message);
        // The reader throws on bytes that are not UTF-8; the importer reports RosterParser.NotUtf8 (RosterLimitTests).
        var latin1 = new MemoryStream([0x4D, 0xE3, 0x20, 0x63, 0xE1, 0x6E, 0x0A]);
        Assert.Throws<DecoderFallbackException>(() => RosterParser.Read(latin1, []).ToList());
    }
}
