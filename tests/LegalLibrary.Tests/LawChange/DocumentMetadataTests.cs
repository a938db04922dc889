using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Citations;
using Training.Abstractions.Security;
using Training.LegalLibrary.Data;

namespace Training.LegalLibrary.Tests.LawChange;

/// <summary>Issue 12 item 5: an administrator records Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15 (and what it replaces)
/// before its text exists; validity follows at once; a later import with the same number fills the same row.</summary>
public sealed class DocumentMetadataTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task RecordedDocumentReplacesTheOldLawAndIsKeptAcrossImports(TestDatabase database)
    {
        using var app = new TrainingApp(database: database);
        _ = app.Server;
        await LegalFixture.ImportAsync(app, LegalFixture.Corpus);
        await app.CreateUserAsync("quantri", BuiltInRoles.Administrator);
        var admin = app.CreateBrowser();
        await admin.SignInAsync("quantri");

        var page = await admin.GetAsync("/admin/legal/documents");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        // The fixture's Luật An ninh mạng is replaced, by the recorded law, from its effective date.
        var posted = await admin.PostFormAsync("/admin/legal/documents", new Dictionary<string, string>
        {
            ["Input.Number"] = "999/2026/QH15", ["Input.Type"] = "Luật", ["Input.Title"] = "Luật An ninh mạng (thử)", ["Input.Issuer"] = "Quốc hội",
            ["Input.EffectiveDate"] = "2027-01-01", ["Input.Replaces"] = "24/2018/QH14",
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var recorded = await app.WithScopeAsync(sp => sp.GetRequiredService<LegalLibraryDbContext>().Documents.AsNoTracking().SingleAsync(d => d.Number == "999/2026/QH15"));
        Assert.Equal("metadata", recorded.Format);
        var old = await app.WithScopeAsync(sp => sp.GetRequiredService<LegalLibraryDbContext>().Documents.AsNoTracking().SingleAsync(d => d.Number == "24/2018/QH14"));
        Assert.Equal(("999/2026/QH15", new DateOnly(2027, 1, 1)), (old.ReplacedBy, old.ReplacedFrom));
        var key = await app.WithScopeAsync(async sp => (await sp.GetRequiredService<ICitationResolver>().ResolveAsync("Luật An ninh mạng, Điều 8")).ArticleKey!);
        var validity = await app.WithScopeAsync(sp => sp.GetRequiredService<ICitationValidity>().ValidityAsync([key], new DateOnly(2027, 2, 1), 180));
        Assert.Equal(CitationValidity.Replaced, validity[key].Validity);
        Assert.Contains("bị thay thế từ 01/01/2027 bởi Luật An ninh mạng (thử) (999/2026/QH15)", validity[key].Notice);

        // A duplicate number and missing fields are refused with the field named; nothing is added.
        var duplicate = await admin.PostFormAsync("/admin/legal/documents", new Dictionary<string, string>
        {
            ["Input.Number"] = "999/2026/QH15", ["Input.Type"] = "Luật", ["Input.Title"] = "", ["Input.Issuer"] = "Quốc hội",
        });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        var html = await duplicate.Content.ReadAsStringAsync();
        Assert.Contains("Số hiệu: văn bản 999/2026/QH15 đã có trong thư viện.", html);
        Assert.Contains("Tên văn bản: bắt buộc nhập.", html);

        // Importing the corpus again keeps the recorded row (no text yet) and the replacement.
        await LegalFixture.ImportAsync(app, LegalFixture.Corpus);
        var after = await app.WithScopeAsync(sp => sp.GetRequiredService<LegalLibraryDbContext>().Documents.AsNoTracking()
            .Where(d => d.Number == "999/2026/QH15" || d.Number == "24/2018/QH14").ToListAsync());
        Assert.Equal(recorded.Id, after.Single(d => d.Number == "999/2026/QH15").Id);
        Assert.Equal("999/2026/QH15", after.Single(d => d.Number == "24/2018/QH14").ReplacedBy);
    }

    [Fact]
    public async Task OnlyWhoMayImportTheCorpusMayRecordDocuments()
    {
        using var app = new TrainingApp();
        await app.CreateUserAsync("hocvien", BuiltInRoles.Learner);
        var learner = app.CreateBrowser();
        await learner.SignInAsync("hocvien");
        var page = await learner.GetAsync("/admin/legal/documents");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/access-denied", page.Headers.Location!.PathAndQuery);
    }
}
