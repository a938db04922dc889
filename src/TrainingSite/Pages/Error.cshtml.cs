using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Training.Site.Pages;

/// <summary>Vietnamese error pages for 403, 404, 500 and other statuses (re-executed by the pipeline).</summary>
[AllowAnonymous]
// Re-executed for any failed request, POSTs with a missing or bad token included: it must not validate the token
// itself (a bad one would make it throw). Order after the site-wide AutoValidateAntiforgeryToken convention (1000),
// so that this policy is the effective one.
[IgnoreAntiforgeryToken(Order = 1001)]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }
    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";

    public void OnGet() => Set(RouteCode);

    // No handler parameters: binding one would read the form, which throws when the failed request carried a bad
    // antiforgery token.
    public void OnPost() => Set(RouteCode);

    private int RouteCode => int.TryParse(RouteData.Values["code"]?.ToString(), out var code) ? code : 404;

    private void Set(int code)
    {
        // Only error statuses have a page; /error/1 typed by hand is a page that does not exist.
        Code = code is >= 400 and <= 599 ? code : 404;
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
