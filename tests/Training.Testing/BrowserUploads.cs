using System.Net.Http.Headers;

namespace Training.Testing;

public static partial class Browser
{
    /// <summary>GET the form page for its token, then POST the fields and files as multipart/form-data.</summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(this HttpClient client, string url, IDictionary<string, string> fields,
        IEnumerable<(string Field, string FileName, string ContentType, byte[] Content)> files, string? action = null)
    {
        var token = await client.GetTokenAsync(url);
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        foreach (var (field, fileName, contentType, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            form.Add(part, field, fileName);
        }
        return await client.PostAsync(action ?? url, form);
    }
}
