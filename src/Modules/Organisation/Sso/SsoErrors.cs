namespace Training.Organisation.Sso;

/// <summary>Why a single sign-on failed, as a short code in the error page's address, and the Vietnamese text for it.</summary>
public static class SsoErrors
{
    public const string Refused = "refused";
    public const string Unavailable = "unavailable";
    public const string NotOnRoster = "not-on-roster";
    public const string Disabled = "disabled";
    public const string Conflict = "conflict";
    public const string Ambiguous = "ambiguous";

    public static string ReasonOf(Exception? failure) => Refused;

    public static string Message(string? reason) => reason switch
    {
        Unavailable => "Không kết nối được với hệ thống đăng nhập một lần. Vui lòng thử lại sau ít phút, hoặc đăng nhập bằng mật khẩu nếu bạn là quản trị viên.",
        NotOnRoster => "Tài khoản của bạn chưa có trong danh sách cán bộ của hệ thống. Vui lòng liên hệ bộ phận tổ chức cán bộ của đơn vị để được bổ sung.",
        Disabled => "Tài khoản đang bị khóa. Vui lòng liên hệ quản trị hệ thống.",
        Conflict => "Mã cán bộ này đã được liên kết với một tài khoản đăng nhập một lần khác. Vui lòng liên hệ quản trị hệ thống.",
        Ambiguous => "Địa chỉ email này thuộc nhiều cán bộ nên không thể xác định bạn là ai. Vui lòng liên hệ bộ phận tổ chức cán bộ.",
        _ => "Phản hồi đăng nhập không hợp lệ hoặc đã hết hạn nên đã bị từ chối. Vui lòng đăng nhập lại.",
    };
}
