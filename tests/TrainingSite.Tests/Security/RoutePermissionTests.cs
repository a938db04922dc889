using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Security;
using Training.Reporting.Api;
using static Training.Site.Tests.Security.Access;
using CertP = Training.Certification.Permissions;
using CoursesP = Training.Courses.Permissions;
using OrgP = Training.Organisation.Permissions;
using ReportP = Training.Reporting.Permissions;
using LegalP = Training.LegalLibrary.Permissions;

namespace Training.Site.Tests.Security;

/// <summary>Every route of the site (each page handler, GET and POST, and each API), taken from the endpoint data
/// source, has a decided access below; a new route without a decision, or a decision its metadata does not match,
/// fails. Then every route is called by anonymous users and by users of every built-in role (POSTs with a valid
/// antiforgery token, so that a 400 cannot stand for a refusal): whoever the decision excludes is refused (login
/// redirect or 401 when anonymous, 403 or the access-denied page when signed in), whoever it admits is not, and
/// nobody gets a 500.</summary>
public sealed class RoutePermissionTests
{
    private static readonly Dictionary<string, Access> Expected = new()
    {
        // Host
        ["GET /"] = Public,
        ["GET /home"] = SignedIn,
        ["GET /error/{code:int}"] = Public,
        ["POST /error/{code:int}"] = Public,
        ["GET /health"] = Public,
        ["POST /health"] = Public,
        ["GET /openapi/{documentName}.json"] = Public,
        ["GET /culture"] = Public,
        ["POST /culture"] = Public,
        // Organisation: account
        ["GET /account/login"] = Public,
        ["POST /account/login"] = Public,
        ["GET /account/logout"] = Public,
        ["POST /account/logout"] = Public,
        ["GET /account/access-denied"] = Public,
        ["GET /account/login/oidc"] = Public,
        ["GET /account/sso/callback"] = Public,
        ["GET /account/sso/error"] = Public,
        ["GET /account/login/2fa"] = Public,
        ["POST /account/login/2fa"] = Public,
        ["GET /account/two-factor"] = SignedIn,
        ["POST /account/two-factor?handler=Enable"] = SignedIn,
        ["POST /account/two-factor?handler=RecoveryCodes"] = SignedIn,
        ["POST /account/two-factor?handler=Disable"] = SignedIn,
        ["POST /account/two-factor?handler=Reset"] = SignedIn,
        ["GET /account/password"] = SignedIn,
        ["POST /account/password"] = SignedIn,
        // Organisation: administration and HR
        ["GET /admin"] = Perm(OrgP.AccessAdmin),
        ["GET /admin/users"] = Perm(OrgP.ManageUsers),
        ["POST /admin/users?handler=Role"] = Perm(OrgP.ManageUsers),
        ["POST /admin/users?handler=Reset"] = Perm(OrgP.ManageUsers),
        ["GET /admin/users/{id}/person"] = Perm(OrgP.ManageUsers),
        ["POST /admin/users/{id}/person"] = Perm(OrgP.ManageUsers),
        ["GET /admin/units"] = Perm(OrgP.ManageUsers),
        ["GET /admin/security"] = Perm(OrgP.ManageUsers),
        ["POST /admin/security"] = Perm(OrgP.ManageUsers),
        ["GET /hr"] = Perm(OrgP.AccessHr),
        ["GET /hr/staff"] = Perm(OrgP.ViewStaff),
        ["GET /org/units/search"] = Perm(OrgP.AccessHr),
        ["GET /hr/roster"] = Perm(OrgP.ImportRoster),
        ["POST /hr/roster"] = Perm(OrgP.ImportRoster),
        ["POST /hr/roster?handler=Confirm"] = Perm(OrgP.ImportRoster),
        ["POST /hr/roster?handler=Cancel"] = Perm(OrgP.ImportRoster),
        ["GET /hr/audiences"] = Perm(OrgP.ManageAudiences),
        ["GET /hr/audiences/edit/{id:guid?}"] = Perm(OrgP.ManageAudiences),
        ["POST /hr/audiences/edit/{id:guid?}"] = Perm(OrgP.ManageAudiences),
        ["GET /hr/unit-heads"] = Perm(OrgP.AssignUnitHeads),
        ["POST /hr/unit-heads?handler=Assign"] = Perm(OrgP.AssignUnitHeads),
        ["POST /hr/unit-heads?handler=End"] = Perm(OrgP.AssignUnitHeads),
        // Legal library: public
        ["GET /legal"] = Public,
        ["GET /legal/{doc}"] = Public,
        ["GET /legal/{doc}/{key}"] = Public,
        ["GET /api/legal/search"] = Public,
        ["GET /admin/legal/documents"] = Perm(LegalP.ImportCorpus),
        ["POST /admin/legal/documents"] = Perm(LegalP.ImportCorpus),
        // Courses
        ["GET /courses"] = Public,
        ["GET /courses/{code}"] = Public,
        ["POST /courses/{code}?handler=Enrol"] = Perm(CoursesP.Learn),
        ["POST /courses/{code}?handler=Register"] = Perm(CoursesP.Learn),
        ["GET /courses/{code}/lessons/{id:guid}"] = Public,
        ["POST /courses/{code}/lessons/{id:guid}?handler=Done"] = Perm(CoursesP.Learn),
        ["GET /courses/{code}/quiz/{section:int?}"] = Perm(CoursesP.Learn),
        ["POST /courses/{code}/quiz/{section:int?}"] = Perm(CoursesP.Learn),
        ["GET /courses/{code}/evaluation"] = Perm(CoursesP.Learn),
        ["POST /courses/{code}/evaluation"] = Perm(CoursesP.Learn),
        ["GET /learning"] = Perm(CoursesP.Learn),
        ["GET /learning/attempts/{id:guid}"] = Perm(CoursesP.Learn),
        ["POST /learning/attempts/{id:guid}"] = Perm(CoursesP.Learn),
        ["GET /authoring"] = Perm(CoursesP.Author),
        ["POST /authoring"] = Perm(CoursesP.Author),
        ["GET /authoring/{id:guid}"] = Perm(CoursesP.Author),
        ["POST /authoring/{id:guid}?handler=Save"] = Perm(CoursesP.Author),
        // The handler also requires Courses.EditAll (checked inside, tested in LegalLibrary.Tests LawChangeTests).
        ["POST /authoring/{id:guid}?handler=RequestUpdate"] = Perm(CoursesP.Author),
        ["POST /authoring/{id:guid}?handler=AddSection"] = Perm(CoursesP.Author),
        ["POST /authoring/{id:guid}?handler=AddLesson"] = Perm(CoursesP.Author),
        ["POST /authoring/{id:guid}?handler=MoveSection"] = Perm(CoursesP.Author),
        ["POST /authoring/{id:guid}?handler=MoveLesson"] = Perm(CoursesP.Author),
        ["POST /authoring/{id:guid}?handler=DeleteLesson"] = Perm(CoursesP.Author),
        ["POST /authoring/{id:guid}?handler=DeleteSection"] = Perm(CoursesP.Author),
        ["POST /authoring/{id:guid}?handler=SectionQuiz"] = Perm(CoursesP.Author),
        ["POST /authoring/{id:guid}?handler=Publish"] = Perm(CoursesP.Author),
        ["POST /authoring/{id:guid}?handler=Unpublish"] = Perm(CoursesP.Author),
        ["GET /authoring/{id:guid}/lessons/{lessonId:guid}"] = Perm(CoursesP.Author),
        ["POST /authoring/{id:guid}/lessons/{lessonId:guid}?handler=Preview"] = Perm(CoursesP.Author),
        ["POST /authoring/{id:guid}/lessons/{lessonId:guid}?handler=Save"] = Perm(CoursesP.Author),
        ["GET /authoring/{id:guid}/questions"] = Perm(CoursesP.Author),
        ["POST /authoring/{id:guid}/questions?handler=Add"] = Perm(CoursesP.Author),
        ["POST /authoring/{id:guid}/questions?handler=Import"] = Perm(CoursesP.Author),
        ["POST /authoring/{id:guid}/questions?handler=Delete"] = Perm(CoursesP.Author),
        ["POST /authoring/{id:guid}/questions?handler=Move"] = Perm(CoursesP.Author),
        ["POST /authoring/{id:guid}/questions?handler=Section"] = Perm(CoursesP.Author),
        ["GET /authoring/{id:guid}/questions?handler=Export"] = Perm(CoursesP.Author),
        ["GET /authoring/{id:guid}/evaluation"] = Perm(CoursesP.Author),
        ["GET /authoring/{id:guid}/questions/statistics"] = Perm(CoursesP.Author),
        ["GET /authoring/{id:guid}/evaluation?handler=Export"] = Perm(CoursesP.Author),
        ["POST /authoring/{id:guid}/evaluation?handler=Add"] = Perm(CoursesP.Author),
        ["POST /authoring/{id:guid}/evaluation?handler=Delete"] = Perm(CoursesP.Author),
        ["POST /authoring/{id:guid}/evaluation?handler=Settings"] = Perm(CoursesP.Author),
        ["GET /authoring/{id:guid}/scorm"] = Perm(CoursesP.Author),
        ["POST /authoring/{id:guid}/scorm"] = Perm(CoursesP.Author),
        // SCORM content: opened by a sandboxed frame without cookies; the token in the path is the capability.
        ["GET /scorm-content/{packageId:guid}/{token}/{**path}"] = Public,
        ["POST /courses/scorm/attempts/{attemptId:guid}/commit"] = Perm(CoursesP.Learn),
        ["GET /authoring/{id:guid}/classes"] = Perm(CoursesP.Author),
        ["POST /authoring/{id:guid}/classes"] = Perm(CoursesP.Author),
        ["GET /authoring/classes/{classId:guid}"] = Perm(CoursesP.RunClasses),
        ["POST /authoring/classes/{classId:guid}"] = Perm(CoursesP.RunClasses),
        ["GET /authoring/{id:guid}/media"] = Perm(CoursesP.Author),
        ["POST /authoring/{id:guid}/media/upload"] = Perm(CoursesP.Author),
        ["POST /authoring/{id:guid}/media?handler=Delete"] = Perm(CoursesP.Author),
        // Course media: any signed-in user reaches the endpoint; the file itself is refused (403) unless they author the
        // course or are enrolled in it (MediaServingTests).
        ["GET /courses/media/{id:guid}"] = SignedIn,
        ["GET /courses/media/{id:guid}/captions"] = SignedIn,
        ["GET /courses/media/{id:guid}/progress"] = Perm(CoursesP.Learn),
        ["POST /courses/media/{id:guid}/progress"] = Perm(CoursesP.Learn),
        ["GET /hr/assignments"] = Perm(CoursesP.Assign),
        ["GET /hr/evaluations/{code?}"] = Perm(CoursesP.ViewEvaluations),
        ["GET /hr/evaluations/{code?}?handler=Export"] = Perm(CoursesP.ViewEvaluations),
        ["POST /hr/assignments"] = Perm(CoursesP.Assign),
        ["GET /hr/audiences/{id:guid}/courses"] = Perm(CoursesP.Assign),
        ["POST /hr/audiences/{id:guid}/courses"] = Perm(CoursesP.Assign),
        ["GET /api/courses"] = Public,
        ["GET /api/xapi/statements"] = Perm(CoursesP.ExportStatements),
        // Certification: verification is public
        ["GET /verify/{code?}"] = Public,
        ["GET /api/certificates/{code}"] = Public,
        ["GET /api/certificates/{code}/credential"] = Public,
        ["GET /api/certificates/status-list"] = Public,
        ["GET /api/certificates/jwks"] = Public,
        ["GET /.well-known/jwks.json"] = Public,
        ["GET /certificates/{code}/pdf"] = Public,
        ["GET /api/certificates"] = Perm(CertP.ViewCertificates),
        ["GET /certificates"] = Perm(CertP.ViewOwn),
        ["GET /admin/programmes"] = Perm(CertP.ManageProgrammes),
        ["GET /admin/programmes/{id:guid}/preview.png"] = Perm(CertP.ManageProgrammes),
        ["GET /admin/issuers"] = Perm(CertP.ManageProgrammes),
        ["GET /admin/issuers/marks/{id:guid}"] = Perm(CertP.ManageProgrammes),
        ["POST /admin/issuers?handler=Upload"] = Perm(CertP.ManageProgrammes),
        ["POST /admin/issuers?handler=Remove"] = Perm(CertP.ManageProgrammes),
        ["GET /admin/programmes/edit/{id:guid?}"] = Perm(CertP.ManageProgrammes),
        ["POST /admin/programmes/edit/{id:guid?}"] = Perm(CertP.ManageProgrammes),
        ["GET /hr/certificates"] = Perm(CertP.ViewCertificates),
        ["GET /hr/certificates?handler=Csv"] = Perm(CertP.ViewCertificates),
        ["GET /hr/certificates?handler=Xlsx"] = Perm(CertP.ViewCertificates),
        ["POST /hr/certificates?handler=Zip"] = Perm(CertP.ViewCertificates),
        ["GET /hr/certificates/{id:guid}"] = Perm(CertP.ViewCertificates),
        ["POST /hr/certificates/{id:guid}?handler=Revoke"] = Perm(CertP.ViewCertificates),
        ["POST /hr/certificates/{id:guid}?handler=Reissue"] = Perm(CertP.ViewCertificates),
        ["GET /hr/certificates/issue"] = Perm(CertP.ManageCertificates),
        ["POST /hr/certificates/issue"] = Perm(CertP.ManageCertificates),
        // Reporting
        ["GET /hr/plans"] = Perm(ReportP.ViewReports),
        ["GET /hr/plans/{id:guid}"] = Perm(ReportP.ViewReports),
        ["GET /hr/plans/targets/{id:guid}"] = Perm(ReportP.ViewReports),
        ["GET /hr/plans/targets/{id:guid}/people"] = Perm(ReportP.ViewReports),
        ["GET /hr/plans/targets/{id:guid}/people.csv"] = Perm(ReportP.ViewReports),
        ["GET /hr/plans/targets/{id:guid}/people.xlsx"] = Perm(ReportP.ViewReports),
        ["GET /hr/plans/targets/{id:guid}/units.csv"] = Perm(ReportP.ViewReports),
        ["GET /hr/plans/targets/{id:guid}/units.xlsx"] = Perm(ReportP.ViewReports),
        ["GET /hr/plans/{id:guid}/report.pdf"] = Perm(ReportP.ViewReports),
        ["GET /hr/plans/{id:guid}/report.xlsx"] = Perm(ReportP.ViewReports),
        ["GET /hr/plans/edit/{id:guid?}"] = Perm(ReportP.ManagePlans),
        ["POST /hr/plans/edit/{id:guid?}"] = Perm(ReportP.ManagePlans),
        ["POST /hr/plans/edit/{id:guid?}?handler=Delete"] = Perm(ReportP.ManagePlans),
        ["GET /hr/plans/{planId:guid}/targets/edit/{id:guid?}"] = Perm(ReportP.ManagePlans),
        ["POST /hr/plans/{planId:guid}/targets/edit/{id:guid?}"] = Perm(ReportP.ManagePlans),
        ["POST /hr/plans/{planId:guid}/targets/edit/{id:guid?}?handler=Delete"] = Perm(ReportP.ManagePlans),
        ["GET /admin/api-keys"] = Perm(ReportP.ManageApiKeys),
        ["POST /admin/api-keys?handler=Create"] = Perm(ReportP.ManageApiKeys),
        ["POST /admin/api-keys?handler=Revoke"] = Perm(ReportP.ManageApiKeys),
        ["GET /notifications"] = Perm(ReportP.ReceiveNotifications),
        // Unit heads: the permission comes from headship at sign-in, not from a role
        ["GET /my-units"] = Perm(Training.Abstractions.Organisation.UnitHeadPermission.Name),
        ["POST /my-units?handler=Remind"] = Perm(Training.Abstractions.Organisation.UnitHeadPermission.Name),
        ["POST /my-units?handler=RemindOverdue"] = Perm(Training.Abstractions.Organisation.UnitHeadPermission.Name),
        ["POST /notifications?handler=ReadAll"] = Perm(ReportP.ReceiveNotifications),
        ["GET /api/plans"] = ApiKey,
        ["GET /api/reports/coverage"] = ApiKey,
        ["GET /api/reports/certificates"] = ApiKey,
        ["POST /api/roster"] = ApiKey,
        ["GET /api/people/{staffCode}/assignments"] = ApiKey,
    };

    [Fact]
    public async Task EveryRouteHasADecidedAccessThatItsMetadataGrants()
    {
        using var app = new TrainingApp();
        var routes = await RouteAccess.ReadAsync(app.Services);

        var undecided = routes.Where(r => !Expected.ContainsKey(r.Key)).Select(r => $"no decision for {r.Key} (metadata: {r.Actual})");
        var gone = Expected.Keys.Except(routes.Select(r => r.Key)).Select(k => $"decided but no such route: {k}");
        var wrong = routes.Where(r => Expected.TryGetValue(r.Key, out var e) && e != r.Actual).Select(r => $"{r.Key}: decided {Expected[r.Key]}, metadata says {r.Actual}");
        var problems = undecided.Concat(gone).Concat(wrong).ToList();

        Assert.True(routes.Count > 100, $"only {routes.Count} routes found");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task EveryRouteRefusesWhoeverItsAccessExcludesAndAdmitsTheRest()
    {
        using var app = new TrainingApp().WithClientAddresses();
        var unit = await app.CreateUnitAsync("Sở Thử nghiệm");
        var roles = new[] { BuiltInRoles.Learner, BuiltInRoles.Trainer, BuiltInRoles.HR, BuiltInRoles.Administrator };
        var grants = app.Services.GetServices<IPermissionProvider>().SelectMany(p => p.GetDefaultGrants())
            .GroupBy(g => g.Role).ToDictionary(g => g.Key, g => g.SelectMany(x => x.Permissions).Select(p => p.Name).ToHashSet());
        var callers = new List<Caller> { await Caller.AnonymousAsync(app, "10.0.0.1") };
        for (var i = 0; i < roles.Length; i++)
        {
            await app.CreateUserAsync("u" + i, roles[i], unit, scope: roles[i] == BuiltInRoles.HR ? unit : null);
            callers.Add(await Caller.SignedInAsync(app, "u" + i, roles[i], $"10.0.0.{i + 2}", grants.GetValueOrDefault(roles[i]) ?? []));
        }
        var key = await app.WithScopeAsync(sp => sp.GetRequiredService<ApiKeyService>().CreateAsync("Kiểm thử", unit.Id, unit.Name, "test"));

        // Sign-in and sign-out change who the caller is: last.
        var routes = (await RouteAccess.ReadAsync(app.Services)).Where(r => Expected.ContainsKey(r.Key))
            .OrderBy(r => r.Key.Contains("/account/log", StringComparison.Ordinal)).ToList();
        var failures = new List<string>();
        foreach (var route in routes)
        {
            var access = Expected[route.Key];
            foreach (var caller in callers)
            {
                HttpResponseMessage response;
                try
                {
                    response = await caller.SendAsync(route);
                }
                catch (Exception ex)
                {
                    // The test server rethrows what the site's own error handling could not handle.
                    failures.Add($"{caller.Name} {route.Method} {route.Url}: unhandled {ex.GetType().Name}: {ex.Message}");
                    continue;
                }
                var admitted = access.Kind switch
                {
                    "public" => true,
                    "signed-in" => caller.Role is not null,
                    "permission" => caller.Permissions.Contains(access.Permission!),
                    _ => false, // API keys: no cookie caller is admitted
                };
                Check(failures, route, caller.Name, access, admitted, response);
            }
            if (access == ApiKey)
            {
                var withKey = await callers[0].SendAsync(route, key.Secret);
                Check(failures, route, "API key", access, admitted: true, withKey);
            }
        }

        Assert.True(routes.Count > 100, $"only {routes.Count} routes called");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task AnAnonymousEnrolmentWithAValidTokenGetsTheLoginRedirectNotAServerError()
    {
        using var app = new TrainingApp(seedDemo: true);
        var client = app.CreateBrowser();

        // The course page shows anonymous users no form; any page's token is valid for the whole site.
        var course = await client.GetAsync("/courses/KPL-01");
        var response = await client.PostFormAsync("/account/login", new Dictionary<string, string>(), "/courses/KPL-01?handler=Enrol");

        Assert.Equal(HttpStatusCode.OK, course.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
        Assert.Contains("ReturnUrl=%2Fcourses%2FKPL-01", response.Headers.Location.Query);
    }

    private static void Check(List<string> failures, Route route, string who, Access access, bool admitted, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        var api = route.Url.StartsWith("/api/", StringComparison.Ordinal);
        var challenged = api ? response.StatusCode == HttpStatusCode.Unauthorized
            : response.StatusCode == HttpStatusCode.Redirect && location.Contains("/account/login", StringComparison.Ordinal);
        var forbidden = api ? response.StatusCode == HttpStatusCode.Forbidden
            : response.StatusCode == HttpStatusCode.Forbidden || (response.StatusCode == HttpStatusCode.Redirect && location.Contains("/account/access-denied", StringComparison.Ordinal));
        // The access-denied page is public and answers 403 by design: it is the refusal, not a refusal of it.
        if (route.Url == "/account/access-denied") forbidden = false;
        string? problem = null;
        if (status >= 500) problem = "server error";
        else if (admitted && (challenged || forbidden)) problem = "refused although admitted";
        else if (!admitted && who == "anonymous" && !challenged) problem = api ? "expected 401" : "expected the login redirect";
        else if (!admitted && who != "anonymous" && !(forbidden || (access == ApiKey && challenged))) problem = api ? "expected 403" : "expected 403 or the access-denied page";
        if (problem is not null) failures.Add($"{who} {route.Method} {route.Url} ({access}) -> {status} {location}: {problem}");
    }

    private sealed class Caller(string name, string? role, HttpClient client, string token, HashSet<string> permissions)
    {
        public string Name => name;
        public string? Role => role;
        public HashSet<string> Permissions => permissions;

        public static async Task<Caller> AnonymousAsync(TrainingApp app, string address)
        {
            var client = app.CreateBrowserFrom(address);
            return new Caller("anonymous", null, client, await client.GetTokenAsync("/account/login"), []);
        }

        public static async Task<Caller> SignedInAsync(TrainingApp app, string user, string role, string address, HashSet<string> permissions)
        {
            var client = app.CreateBrowserFrom(address);
            await client.SignInAsync(user);
            return new Caller(role, role, client, await client.GetTokenAsync("/account/password"), permissions);
        }

        /// <summary>GET, or POST an empty form with this caller's valid antiforgery token.</summary>
        public Task<HttpResponseMessage> SendAsync(Route route, string? apiKey = null)
        {
            var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Url);
            if (route.Method == "POST")
            {
                // An API that declares its body type gets an empty body of that type (else routing answers 415 first).
                request.Content = route.ContentType is { } type ? new StringContent("", System.Text.Encoding.UTF8, type)
                    : new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
            }
            if (apiKey is not null) request.Headers.Add(ApiKeyHandler.Header, apiKey);
            return client.SendAsync(request);
        }
    }
}
