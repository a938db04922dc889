using System.Text;

namespace Training.Courses.Services;

/// <summary>Decodes uploaded text files as strict UTF-8, so a file saved in another code page (Windows-1258, TCVN3)
/// is refused with a clear message instead of being stored as mojibake.</summary>
public static class StrictText
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Null when decoded (a UTF-8 BOM is dropped); otherwise a Vietnamese message naming the line.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, out string text)
    {
        text = "";
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        try
        {
            text = Utf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var at = Math.Clamp(ex.Index, 0, bytes.Length);
            var line = bytes[..at].Count((byte)'\n') + 1;
            return $"Tệp không phải văn bản UTF-8 (dòng {line} có ký tự không đọc được; có thể tệp đang ở bảng mã Windows-1258 hoặc TCVN3). "
                + "Hãy mở tệp và lưu lại dưới dạng “CSV UTF-8”, rồi nhập lại.";
        }
        if (text.Contains('\0')) return "Tệp không phải văn bản UTF-8 (có ký tự rỗng; có thể tệp đang ở dạng UTF-16). Hãy lưu lại dưới dạng “CSV UTF-8”.";
        return null;
    }
}
