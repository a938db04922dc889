using System.Net;

namespace Training.TestIdp;

/// <summary>The provider's own login page (a plain form, as a provincial provider's would be).</summary>
internal static class LoginPage
{
    public static string Html(string? returnUrl, string? error) => $"""
        <!doctype html>
        <html lang="vi"><head><meta charset="utf-8"><title>Cổng xác thực thử nghiệm</title></head>
        <body>
        <h1>Cổng xác thực thử nghiệm</h1>
        {(error is null ? "" : $"<p role=\"alert\">{WebUtility.HtmlEncode(error)}</p>")}
        <form method="post" action="/login">
          <input type="hidden" name="returnUrl" value="{WebUtility.HtmlEncode(returnUrl ?? "/")}">
          <label for="username">Tài khoản</label> <input id="username" name="username" autocomplete="username">
          <label for="password">Mật khẩu</label> <input id="password" name="password" type="password">
          <button type="submit">Đăng nhập vào cổng</button>
        </form>
        </body></html>
        """;
}
