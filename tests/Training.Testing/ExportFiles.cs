using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using Xunit;

namespace Training.Testing;

/// <summary>Helpers for tests of exports and of the HR API: read a downloaded CSV as a spreadsheet would, create an API key
/// on the admin page.</summary>
public static partial class ExportFiles
{
    /// <summary>The rows of a UTF-8 CSV with BOM (as the site writes them), each by its column headers.</summary>
    public static List<Dictionary<string, string>> CsvRows(byte[] bytes)
    {
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        using var csv = CsvReader.FromText(Encoding.UTF8.GetString(bytes.AsSpan(3)));
        csv.ReadHeader();
        var headers = csv.Headers.ToList();
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read()) rows.Add(headers.ToDictionary(h => h, h => csv.GetString(h)));
        return rows;
    }

    /// <summary>Creates an API key for <paramref name="unit"/> on /admin/api-keys as the signed-in administrator; returns the secret.</summary>
    public static async Task<string> CreateApiKeyAsync(this HttpClient admin, Guid unit, string name = "HRM")
    {
        var response = await admin.PostFormAsync("/admin/api-keys", new Dictionary<string, string> { ["Name"] = name, ["UnitId"] = unit.ToString() },
            "/admin/api-keys?handler=Create");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var secret = SecretPattern().Match(await response.Content.ReadAsStringAsync());
        Assert.True(secret.Success, "The page shows no new key.");
        return secret.Groups[1].Value;
    }

    [GeneratedRegex("id=\"new-key\">([^<]+)<")]
    private static partial Regex SecretPattern();
}
