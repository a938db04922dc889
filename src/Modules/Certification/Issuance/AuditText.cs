namespace Training.Certification.Issuance;

/// <summary>Vietnamese labels for the codes the certificate history stores (action, actor, source): the page never shows
/// "issued", "system" or "auto" (issue 10, item 15). Unknown codes are shown as stored.</summary>
public static class AuditText
{
    public static string Action(string action) => action switch
    {
        "issued" => "Cấp chứng chỉ",
        "revoked" => "Thu hồi",
        "superseded" => "Được thay thế",
        _ => action,
    };

    public static string Actor(string actor) => actor switch
    {
        "system" => "Hệ thống (tự động)",
        "demo-seed" => "Dữ liệu mẫu",
        _ => actor,
    };

    public static string Source(string source) => source switch
    {
        "auto" => "Tự động, sau khi hoàn thành khóa học",
        "manual" => "Cấp thủ công theo quyết định",
        "reissue" => "Cấp lại",
        "seed" => "Dữ liệu có sẵn (nhập hoặc dữ liệu mẫu)",
        _ => source,
    };

    /// <summary>The detail of an "issued" entry starts with the source code ("auto: reason"): shown with its label.</summary>
    public static string Detail(string action, string detail)
    {
        if (action != "issued") return detail;
        var colon = detail.IndexOf(':', StringComparison.Ordinal);
        var code = colon < 0 ? detail : detail[..colon];
        var label = Source(code);
        if (ReferenceEquals(label, code)) return detail;
        return colon < 0 ? label : $"{label}: {detail[(colon + 1)..].Trim()}";
    }
}
