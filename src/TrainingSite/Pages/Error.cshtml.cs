using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Training.Site.Pages;

/// <summary>Vietnamese error pages for 403, 404, 500 and other statuses (re-executed by the pipeline).</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }
    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";

    public void OnGet(int code) => Set(code);

    public void OnPost(int code) => Set(code);

    private void Set(int code)
    {
        Code = code is >= 400 and <= 599 ? code : 500;
        (Title, Text) = Code switch
        {
            403 => ("Không có quyền truy cập", "Tài khoản của bạn không được phép mở trang này."),
            404 => ("Không tìm thấy trang", "Trang bạn tìm không tồn tại hoặc đã được chuyển đi. Hãy kiểm tra lại địa chỉ."),
            429 => ("Quá nhiều yêu cầu", "Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau ít phút."),
            >= 500 => ("Đã có lỗi xảy ra", "Hệ thống gặp sự cố khi xử lý yêu cầu. Lỗi đã được ghi nhận; vui lòng thử lại sau."),
            _ => ("Yêu cầu không hợp lệ", "Không thể xử lý yêu cầu này."),
        };
        Response.StatusCode = Code;
    }
}
