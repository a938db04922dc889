using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Training.Testing;

namespace Training.Courses.Tests.Media;

/// <summary>Small files of each accepted format (the header the sniffer reads, then filler) and the upload as the
/// library page's script sends it.</summary>
public static class MediaFiles
{
    public const string Eicar = @"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    public static byte[] Png(int size = 2048) => WithHeader([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], size);

    public static byte[] Pdf(int size = 2048) => WithHeader("%PDF-1.7\n"u8.ToArray(), size);

    public static byte[] Mp4(int size = 10_000) => WithHeader([0, 0, 0, 0x20, .. "ftypisom"u8.ToArray(), 0, 0, 2, 0], size);

    public static byte[] Vtt => Encoding.UTF8.GetBytes("WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nXin chào các đồng chí.\n\n00:00:02.000 --> 00:00:04.000\nQuy trình xử lý vi phạm.\n");

    /// <summary>Deterministic filler after the header, so range responses can be compared byte for byte.</summary>
    private static byte[] WithHeader(byte[] header, int size)
    {
        var bytes = new byte[size];
        for (var i = 0; i < size; i++) bytes[i] = (byte)(i * 31 % 251);
        header.CopyTo(bytes, 0);
        return bytes;
    }

    public sealed record Upload(string FileName, byte[] Content, string? Title = null, string? Slug = null, string? CaptionsName = null, byte[]? Captions = null);

    /// <summary>Posts like media-upload.js: the token in the header, fields then captions then the file.</summary>
    public static async Task<(HttpResponseMessage Response, string Message)> UploadAsync(this HttpClient client, Guid courseId, Upload upload, bool withToken = true)
    {
        var page = $"/authoring/{courseId}/media";
        var token = await client.GetTokenAsync(page);
        using var form = new MultipartFormDataContent();
        if (upload.Title is not null) form.Add(new StringContent(upload.Title), "Title");
        if (upload.Slug is not null) form.Add(new StringContent(upload.Slug), "Slug");
        if (upload.Captions is not null) form.Add(File(upload.Captions, "text/vtt"), "Captions", upload.CaptionsName ?? "phu-de.vtt");
        form.Add(File(upload.Content, "application/octet-stream"), "File", upload.FileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, page + "/upload") { Content = form };
        if (withToken) request.Headers.Add("RequestVerificationToken", token);
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var message = body.StartsWith('{') ? JsonDocument.Parse(body).RootElement.GetProperty("message").GetString() ?? "" : body;
        return (response, message);
    }

    private static ByteArrayContent File(byte[] content, string type)
    {
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue(type);
        return part;
    }
}
