using Training.Courses.Data;

namespace Training.Courses.Pages;

public static class StatusText
{
    public static string Of(CourseStatus status) => status switch
    {
        CourseStatus.Published => "Đã xuất bản",
        CourseStatus.Archived => "Lưu trữ",
        _ => "Bản nháp",
    };

    public static string Of(ReviewMode mode) => mode switch
    {
        ReviewMode.AnswersAlways => "Luôn hiện đáp án đúng và giải thích",
        ReviewMode.RightOrWrongOnly => "Chỉ cho biết câu đúng, câu sai; không hiện đáp án",
        _ => "Hiện đáp án đúng khi người học đã đạt hoặc đã hết lượt",
    };

    public static string Of(QuestionKind kind) => kind switch
    {
        QuestionKind.Multiple => "Nhiều lựa chọn",
        QuestionKind.TrueFalse => "Đúng/Sai",
        QuestionKind.MultipleResponse => "Nhiều đáp án (tính điểm từng phần)",
        QuestionKind.Matching => "Ghép cặp",
        QuestionKind.Ordering => "Sắp xếp thứ tự",
        QuestionKind.ShortAnswer => "Trả lời ngắn",
        QuestionKind.Numeric => "Câu hỏi số",
        _ => "Một lựa chọn",
    };
}
