using System.IO.Compression;
using System.Text;

namespace Training.Testing;

/// <summary>SCORM packages built by the tests (licence: ours): a manifest of the chosen edition and one HTML page per
/// SCO whose script finds the runtime, reports progress and, when its button is pressed, completes with a score.</summary>
public static class ScormPackages
{
    public const string Scorm12 = "1.2";
    public const string Scorm2004Third = "2004 3rd Edition";
    public const string Scorm2004Fourth = "2004 4th Edition";

    public static byte[] Build(string schemaVersion, int scos = 1, params (string Path, string Content)[] extra)
    {
        var files = new List<(string, string)> { ("imsmanifest.xml", Manifest(schemaVersion, scos)), ("shared/sco.js", ScoScript) };
        for (var i = 1; i <= scos; i++) files.Add(($"sco{i}/index.html", ScoPage(i)));
        files.AddRange(extra);
        return Zip(files.ToArray());
    }

    public static byte[] Zip(params (string Path, string Content)[] files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in files)
            {
                using var stream = zip.CreateEntry(path, CompressionLevel.SmallestSize).Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        }
        return buffer.ToArray();
    }

    public static string Manifest(string schemaVersion, int scos, string? href = null)
    {
        var is12 = schemaVersion == Scorm12;
        var ns = is12
            ? "xmlns=\"http://www.imsproject.org/xsd/imscp_rootv1p1p2\" xmlns:adlcp=\"http://www.adlnet.org/xsd/adlcp_rootv1p2\""
            : "xmlns=\"http://www.imsglobal.org/xsd/imscp_v1p1\" xmlns:adlcp=\"http://www.adlnet.org/xsd/adlcp_v1p3\"";
        var type = is12 ? "adlcp:scormtype" : "adlcp:scormType";
        var items = string.Concat(Enumerable.Range(1, scos).Select(i => $"<item identifier=\"ITEM-{i}\" identifierref=\"RES-{i}\"><title>Phần {i}: Nhận diện lừa đảo</title></item>"));
        var resources = string.Concat(Enumerable.Range(1, scos).Select(i =>
            $"<resource identifier=\"RES-{i}\" type=\"webcontent\" {type}=\"sco\" href=\"{href ?? $"sco{i}/index.html"}\"><file href=\"sco{i}/index.html\"/><dependency identifierref=\"SHARED\"/></resource>"));
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest identifier="MANIFEST-1" version="1" {ns}>
              <metadata><schema>ADL SCORM</schema><schemaversion>{schemaVersion}</schemaversion></metadata>
              <organizations default="ORG-1">
                <organization identifier="ORG-1"><title>Gói kiểm thử lừa đảo trực tuyến</title>{items}</organization>
              </organizations>
              <resources>{resources}<resource identifier="SHARED" type="webcontent" {type}="asset"><file href="shared/sco.js"/></resource></resources>
            </manifest>
            """;
    }

    private static string ScoPage(int n) => $"""
        <!DOCTYPE html>
        <html lang="vi"><head><meta charset="utf-8"><title>Phần {n}</title><script src="../shared/sco.js"></script></head>
        <body><h1>Phần {n}: Nhận diện lừa đảo</h1><p id="state">Đang mở…</p>
        <button id="finish" type="button">Hoàn thành phần {n}</button></body></html>
        """;

    /// <summary>Finds API (1.2) or API_1484_11 (2004) by walking up from its own window, as real SCOs do.</summary>
    private const string ScoScript = """
        (function () {
          function find(name) { var w = window; for (var i = 0; w && i < 10; i++) { try { if (w[name]) return w[name]; } catch (e) { return null; } if (w === w.parent) break; w = w.parent; } return null; }
          var api12 = find('API'), api04 = find('API_1484_11');
          function show(text) { document.getElementById('state').textContent = text; }
          window.addEventListener('load', function () {
            if (api04) {
              api04.Initialize('');
              show('SCORM 2004 đã kết nối; entry=' + api04.GetValue('cmi.entry') + '; vị trí=' + api04.GetValue('cmi.location') + '; học viên=' + api04.GetValue('cmi.learner_name'));
              api04.SetValue('cmi.location', 'trang-2'); api04.SetValue('cmi.suspend_data', 'da-xem=1'); api04.SetValue('cmi.completion_status', 'incomplete');
              api04.SetValue('cmi.exit', 'suspend'); api04.Commit('');
            } else if (api12) {
              api12.LMSInitialize('');
              show('SCORM 1.2 đã kết nối; entry=' + api12.LMSGetValue('cmi.core.entry') + '; vị trí=' + api12.LMSGetValue('cmi.core.lesson_location') + '; học viên=' + api12.LMSGetValue('cmi.core.student_name'));
              api12.LMSSetValue('cmi.core.lesson_location', 'trang-2'); api12.LMSSetValue('cmi.suspend_data', 'da-xem=1'); api12.LMSSetValue('cmi.core.lesson_status', 'incomplete');
              api12.LMSSetValue('cmi.core.exit', 'suspend'); api12.LMSCommit('');
            } else { show('Không tìm thấy API'); }
            document.getElementById('finish').addEventListener('click', function () {
              if (api04) {
                var bad = api04.SetValue('cmi.score.scaled', '7') + ':' + api04.GetLastError();
                api04.SetValue('cmi.score.raw', '90'); api04.SetValue('cmi.score.min', '0'); api04.SetValue('cmi.score.max', '100'); api04.SetValue('cmi.score.scaled', '0.9');
                api04.SetValue('cmi.success_status', 'passed'); api04.SetValue('cmi.completion_status', 'completed');
                api04.SetValue('cmi.session_time', 'PT1M30S'); api04.SetValue('cmi.exit', 'normal'); api04.Commit(''); api04.Terminate('');
                show('Đã gửi kết quả (từ chối giá trị sai: ' + bad + ')');
              } else {
                var bad12 = api12.LMSSetValue('cmi.core.score.raw', '700') + ':' + api12.LMSGetLastError();
                api12.LMSSetValue('cmi.core.score.raw', '90'); api12.LMSSetValue('cmi.core.lesson_status', 'passed');
                api12.LMSSetValue('cmi.core.session_time', '00:01:30'); api12.LMSSetValue('cmi.core.exit', ''); api12.LMSCommit(''); api12.LMSFinish('');
                show('Đã gửi kết quả (từ chối giá trị sai: ' + bad12 + ')');
              }
            });
          });
        })();
        """;
}
