using System.Globalization;
using Microsoft.Extensions.Localization;
using Training.Abstractions.Localization;
using Training.Certification.Data;

namespace Training.Certification.Mail;

/// <summary>Subject and body of the certificate e-mail, in the site's default language (Vietnamese; the English texts
/// are in Ui.en.resx). Dates dd/MM/yyyy.</summary>
public sealed class CertificateMailText(IStringLocalizer<Ui> localizer)
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public (string Subject, string Body) Compose(Certificate c, string verifyUrl)
    {
        // Sent from a background dispatcher: the site's default language, not the process's culture.
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Vietnamese;
        try
        {
            var validity = c.ExpiresOn is { } end
                ? localizer["Có giá trị đến hết ngày {0}.", Date(end)].Value
                : localizer["Giấy chứng nhận không thời hạn."].Value;
            var subject = localizer["Giấy chứng nhận {0} số {1}", c.ProgrammeName, c.SerialNumber].Value;
            var body = string.Join('\n',
                localizer["Bạn đã được cấp giấy chứng nhận hoàn thành chương trình \"{0}\".", c.ProgrammeName].Value,
                "",
                localizer["Số giấy chứng nhận: {0}", c.SerialNumber].Value,
                localizer["Người được cấp: {0}", c.HolderName].Value,
                localizer["Ngày cấp: {0}", Date(c.IssuedOn)].Value,
                validity,
                "",
                localizer["Bản PDF có chữ ký số được đính kèm thư này."].Value,
                localizer["Kiểm tra giấy chứng nhận (ai cũng mở được): {0}", verifyUrl].Value);
            return (subject, body);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    public static string FileName(Certificate c) =>
        "giay-chung-nhan-" + string.Concat(c.SerialNumber.Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '-')) + ".pdf";

    private static string Date(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
