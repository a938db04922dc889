using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Security;
using Training.Organisation.Data;
using Training.Reporting.Api;

namespace Training.Organisation.Tests.Roster;

/// <summary>The demo's shape in small: Ninh Bình (hr's scope) and Cát Hải, an administrator placed in Ninh Bình, the HR
/// of Cát Hải placed in Ninh Bình, a trainer, a plain teacher, and a Cát Hải teacher with a concurrent post in Ninh Bình.</summary>
internal sealed class RosterWorld : IDisposable
{
    public const string Header = "Mã cán bộ,Họ và tên,Email,Đơn vị,Đơn vị kiêm nhiệm,Chức vụ,Đối tượng\n";
    public const string NinhBinh = "Sở Giáo dục và Đào tạo Ninh Bình";
    public const string HoaLuA = NinhBinh + " > Trường THPT Hoa Lư A";

    public required TrainingApp App { get; init; }
    public required OrgUnit Nb { get; init; }
    public required OrgUnit HoaLu { get; init; }
    public required OrgUnit CatHai { get; init; }
    public required OrgUnit CatBa { get; init; }
    public required TrainingUser CatHaiTeacher { get; init; }

    public static async Task<RosterWorld> CreateAsync(TestDatabase database = TestDatabase.Sqlite, IDictionary<string, string?>? settings = null)
    {
        var app = new TrainingApp(database: database, settings: settings);
        var nb = await app.CreateUnitAsync(NinhBinh);
        var hoaLu = await app.CreateUnitAsync("Trường THPT Hoa Lư A", nb);
        var catHai = await app.CreateUnitAsync("UBND huyện Cát Hải");
        var catBa = await app.CreateUnitAsync("Trường THPT Cát Bà", catHai);
        await app.CreateUserAsync("admin", BuiltInRoles.Administrator, nb, fullName: "Quản Trị Hệ Thống");
        await app.CreateUserAsync("hr", BuiltInRoles.HR, nb, scope: nb, fullName: "Tổ Chức Cán Bộ");
        await app.CreateUserAsync("hrch", BuiltInRoles.HR, nb, scope: catHai, fullName: "Cán Bộ Cát Hải");
        await app.CreateUserAsync("trainer", BuiltInRoles.Trainer, hoaLu, fullName: "Giảng Viên Hoa Lư");
        await app.CreateUserAsync("gv001", BuiltInRoles.Learner, hoaLu, fullName: "Nguyễn Thị Hoa");
        var catHaiTeacher = await app.CreateUserAsync("ch001", BuiltInRoles.Learner, catBa, fullName: "Đỗ Văn Hải");
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganisationDbContext>();
            db.Memberships.Add(new UnitMembership { UserId = catHaiTeacher.Id, UnitId = hoaLu.Id, IsPrimary = false });
            await db.SaveChangesAsync();
        });
        return new RosterWorld { App = app, Nb = nb, HoaLu = hoaLu, CatHai = catHai, CatBa = catBa, CatHaiTeacher = catHaiTeacher };
    }

    public Task<TrainingUser> UserAsync(string userName) => App.WithScopeAsync(sp =>
        sp.GetRequiredService<OrganisationDbContext>().Users.AsNoTracking().SingleAsync(u => u.UserName == userName));

    public Task<List<(Guid Unit, bool Primary)>> MembershipsAsync(string userId) => App.WithScopeAsync(async sp =>
        (await sp.GetRequiredService<OrganisationDbContext>().Memberships.AsNoTracking().Where(m => m.UserId == userId).ToListAsync())
            .Select(m => (m.UnitId, m.IsPrimary)).OrderBy(m => m.UnitId).ToList());

    public Task<int> UnitCountAsync() => App.WithScopeAsync(sp => sp.GetRequiredService<OrganisationDbContext>().Units.CountAsync());

    /// <summary>POST a file to /hr/roster as the signed-in client.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string csv) => await UploadAsync(client, Encoding.UTF8.GetBytes(csv));

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes)
    {
        var token = await client.GetTokenAsync("/hr/roster");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", "roster.csv");
        return await client.PostAsync("/hr/roster", form);
    }

    public async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = App.CreateBrowser();
        await client.SignInAsync(userName);
        return client;
    }

    /// <summary>A client of the HR systems API with a key scoped to <paramref name="unit"/>.</summary>
    public async Task<HttpClient> ApiAsync(OrgUnit unit)
    {
        var (_, secret) = await App.WithScopeAsync(sp => sp.GetRequiredService<ApiKeyService>().CreateAsync("HRM", unit.Id, unit.Name, "admin"));
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", secret);
        return client;
    }

    public static StringContent Csv(string csv) => new(csv, Encoding.UTF8, "text/csv");

    public void Dispose() => App.Dispose();
}
