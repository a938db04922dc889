using MiniExcelLibs;
using Training.Courses.Data;
using Training.Courses.Questions.Formats;
using Training.Courses.Services;

namespace Training.Courses.Tests.Domain;

/// <summary>GIFT, Aiken and XLSX banks: every kind read, round trips, and bad lines refused with their line named.</summary>
public sealed class BankFormatTests
{
    private const string Gift = """
        // Ngân hàng thử
        $CATEGORY: an-ninh-mang

        ::Q1:: Hành vi nào bị nghiêm cấm? {=Phát tán mã độc ~Đọc báo ~Học trực tuyến ####Điều 8 Luật An ninh mạng.}

        Mạng xã hội phải lưu dữ liệu người dùng. {T}

        Chọn các cơ quan có thẩm quyền {~%50%Bộ Công an ~%50%Bộ Quốc phòng ~%-100%Bộ Y tế}

        Viết tắt của Ủy ban nhân dân là gì? {=UBND =U.B.N.D}

        Ghép điều với nội dung {
          =Điều 8 -> Hành vi bị nghiêm cấm
          =Điều 26 -> Bảo đảm thông tin
        }

        Số ngày lưu nhật ký tối thiểu? {#12.5:0.5}

        Năm ban hành trong khoảng {#2017..2019}

        Dấu ngoặc \{thoát\} và dấu \= bằng {=đúng ~sai}
        """;

    [Fact]
    public void GiftReadsEveryKindItCanExpress()
    {
        var (questions, errors) = QuestionImporter.Parse(Gift, "bank.gift");
        Assert.Empty(errors);
        Assert.Equal(
            [QuestionKind.Single, QuestionKind.TrueFalse, QuestionKind.MultipleResponse, QuestionKind.ShortAnswer, QuestionKind.Matching,
             QuestionKind.Numeric, QuestionKind.Numeric, QuestionKind.Single],
            questions.Select(q => q.Kind));
        Assert.Equal("Điều 8 Luật An ninh mạng.", questions[0].Explanation);
        Assert.Equal([0], questions[0].Correct);
        Assert.Equal([0], questions[1].Correct);
        Assert.Equal([0, 1], questions[2].Correct);
        Assert.Equal(["UBND", "U.B.N.D"], questions[3].Accepted);
        Assert.Equal(["Điều 8", "Điều 26"], questions[4].Options);
        Assert.Equal(["Hành vi bị nghiêm cấm", "Bảo đảm thông tin"], questions[4].Accepted);
        Assert.Equal(["12.5"], questions[5].Accepted);
        Assert.Equal(0.5m, questions[5].Tolerance);
        Assert.Equal(["2018"], questions[6].Accepted);
        Assert.Equal(1m, questions[6].Tolerance);
        Assert.Equal("Dấu ngoặc {thoát} và dấu = bằng", questions[7].Text);
    }

    [Fact]
    public void GiftRefusesTheWholeFileAndNamesTheLineOfEachBadQuestion()
    {
        const string bad = "Câu hỏi tốt đây nhé {=a ~b}\n\nCâu thiếu đáp án đây nhé\n\nCâu ngoặc chưa đóng {=a ~b\n\nCâu số sai nhé {#abc}\n";
        var (questions, errors) = QuestionImporter.Parse(bad, "bank.gift");
        Assert.Empty(questions);
        Assert.Equal([3, 5, 7], errors.Select(e => e.Row));
        Assert.Contains("ngoặc nhọn", errors[0].Message);
        Assert.Contains("chưa được đóng", errors[1].Message);
        Assert.Contains("abc", errors[2].Message);
    }

    [Fact]
    public void GiftWrittenByUsReadsBackAsTheSameQuestions()
    {
        var (original, _) = QuestionImporter.Parse(Gift, "bank.gift");
        var (text, skipped) = GiftWriter.Write(original);
        var (again, errors) = QuestionImporter.Parse(text, "again.gift");
        Assert.Equal(0, skipped);
        Assert.Empty(errors);
        Assert.Equal(original.Select(q => (q.Kind, q.Text, string.Join("|", q.Options), string.Join("|", q.Accepted), string.Join("|", q.Correct), q.Tolerance)),
            again.Select(q => (q.Kind, q.Text, string.Join("|", q.Options), string.Join("|", q.Accepted), string.Join("|", q.Correct), q.Tolerance)));
    }

    [Fact]
    public void GiftExportLeavesOutOrderingAndCountsIt()
    {
        var ordering = new Question { Kind = QuestionKind.Ordering, Text = "Sắp xếp các bước", Options = ["a", "b"] };
        var (text, skipped) = GiftWriter.Write([ordering]);
        Assert.Equal(1, skipped);
        Assert.Equal("", text);
    }

    [Fact]
    public void AikenReadsSingleChoiceQuestions()
    {
        const string aiken = "Cơ quan nào quản lý an ninh mạng?\nA. Bộ Công an\nB) Bộ Y tế\nANSWER: A\n\nThủ đô của Việt Nam là?\nA. Huế\nB. Hà Nội\nANSWER: B\n";
        var (questions, errors) = QuestionImporter.Parse(aiken, "bank.txt");
        Assert.Empty(errors);
        Assert.Equal(2, questions.Count);
        Assert.Equal(["Huế", "Hà Nội"], questions[1].Options);
        Assert.Equal([1], questions[1].Correct);
        var (text, skipped) = AikenFormat.Write(questions);
        Assert.Equal(0, skipped);
        Assert.Equal(questions.Select(q => q.Text), QuestionImporter.Parse(text, "x.txt").Questions.Select(q => q.Text));
    }

    [Fact]
    public void AikenRefusesBadLinesNamingThem()
    {
        const string aiken = "Câu một đây nhé?\nA. Có\nB. Không\nANSWER: C\n\nA. Phương án không có câu hỏi\n\nCâu ba đây nhé?\nA. Có\nC. Không\nANSWER: A\n\nCâu bốn đây nhé?\nA. Có\nB. Không\n";
        var (questions, errors) = QuestionImporter.Parse(aiken, "bank.txt");
        Assert.Empty(questions);
        Assert.Equal([4, 6, 10, 11, 13], errors.Select(e => e.Row));
        Assert.Contains("«C»", errors[0].Message);
        Assert.Contains("Thiếu nội dung câu hỏi", errors[1].Message);
        Assert.Contains("thứ tự", errors[2].Message);
        Assert.Contains("ANSWER", errors[4].Message);
    }

    private static byte[] Xlsx(params object[] rows)
    {
        using var ms = new MemoryStream();
        ms.SaveAs(rows, printHeader: false, excelType: ExcelType.XLSX);
        return ms.ToArray();
    }

    private sealed record Row(string A, string B, string C, string D, string E);

    [Fact]
    public void XlsxReadsTheCsvColumnsIncludingTheNewKinds()
    {
        var file = Xlsx(
            new Row("Loại", "Câu hỏi", "Phương án", "Đáp án", "Đáp án chấp nhận"),
            new Row("Một lựa chọn", "Hành vi nào bị cấm?", "Phát tán mã độc | Đọc báo", "1", ""),
            new Row("Trả lời ngắn", "Viết tắt của Ủy ban nhân dân?", "", "", "UBND | Ủy ban"),
            new Row("Ghép cặp", "Ghép điều với nội dung", "Điều 8 -> Cấm | Điều 26 -> Bảo đảm", "", ""));
        var (questions, errors) = QuestionImporter.Parse(file, "bank.xlsx");
        Assert.Empty(errors);
        Assert.Equal([QuestionKind.Single, QuestionKind.ShortAnswer, QuestionKind.Matching], questions.Select(q => q.Kind));
        Assert.Equal(["UBND", "Ủy ban"], questions[1].Accepted);
        Assert.Equal(["Cấm", "Bảo đảm"], questions[2].Accepted);
    }

    [Fact]
    public void XlsxRefusesAllRowsAndNamesTheSpreadsheetRow()
    {
        var file = Xlsx(
            new Row("Loại", "Câu hỏi", "Phương án", "Đáp án", "Đáp án chấp nhận"),
            new Row("Một lựa chọn", "Hành vi nào bị cấm?", "Phát tán mã độc | Đọc báo", "1", ""),
            new Row("Câu hỏi số", "Bao nhiêu ngày?", "", "", "mười hai"),
            new Row("Loại lạ", "Câu hỏi gì đó?", "a | b", "1", ""));
        var (questions, errors) = QuestionImporter.Parse(file, "bank.xlsx");
        Assert.Empty(questions);
        Assert.Equal([3, 4], errors.Select(e => e.Row));
        Assert.Contains("đáp số", errors[0].Message);
        Assert.Contains("Loại", errors[1].Message);
    }

    [Fact]
    public void AFileThatIsNotASpreadsheetIsRefusedClearly()
    {
        var (questions, errors) = QuestionImporter.Parse("không phải excel"u8.ToArray(), "bank.xlsx");
        Assert.Empty(questions);
        Assert.Contains("Excel", Assert.Single(errors).Message);
    }

    [Fact]
    public void CsvRowsCarryTheNewKindsColumns()
    {
        const string csv = "Loại,Câu hỏi,Phương án,Đáp án,Đáp án chấp nhận,Sai số,Bỏ dấu\nCâu hỏi số,Bao nhiêu phần trăm?,,,\"12,5\",\"0,5\",\nTrả lời ngắn,Thủ đô là gì?,,,Hà Nội,,có\nSắp xếp,Sắp xếp các bước,Tiếp nhận|Thẩm định|Trả kết quả,,,,\n";
        var (questions, errors) = QuestionImporter.Parse(csv, "bank.csv");
        Assert.Empty(errors);
        Assert.Equal(0.5m, questions[0].Tolerance);
        Assert.True(questions[1].FoldDiacritics);
        Assert.Equal(QuestionKind.Ordering, questions[2].Kind);
        Assert.Empty(questions[2].Correct);
    }
}
