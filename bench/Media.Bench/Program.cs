using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

// Issue 14 target: a 200 MB video served with HTTP range requests to 200 concurrent viewers of different byte ranges,
// p99 time-to-first-byte ≤ 100 ms. bench/Media/run.sh runs it whole (build, generate, start the site, measure):
//   Media.Bench generate <file> <megabytes>      writes the test video (MP4 header + pseudo-random bytes)
//   Media.Bench measure <base url> <file> [viewers=200] [seconds=10] [rounds=3]
// "measure": the trainer uploads <file> to KN-02's library through the streaming upload endpoint, the learner enrols,
// then <viewers> tasks each request random 1 MiB ranges (as a player seeking does), each with the learner's session,
// measuring the time from sending to the first body byte (the rest of the range is read and discarded). The same load
// runs against /bench-static/<file name>, the same file served by the same Kestrel's static file middleware (see
// StaticBaseline), alternately, <rounds> times each, so a burst of load from elsewhere falls on both; then the
// percentiles of each and the ratio video/static.
if (args.ElementAtOrDefault(0) == "generate")
{
    await WriteVideoAsync(args[1], long.Parse(args[2]) * 1024 * 1024);
    return 0;
}
if (args.ElementAtOrDefault(0) != "measure" || args.Length < 3)
{
    Console.Error.WriteLine("usage: Media.Bench generate <file> <megabytes> | measure <base url> <file> [viewers] [seconds] [rounds]");
    return 2;
}
var baseUrl = args[1].TrimEnd('/');
var file = args[2];
var viewers = args.Length > 3 ? int.Parse(args[3]) : 200;
var seconds = args.Length > 4 ? int.Parse(args[4]) : 10;
var rounds = args.Length > 5 ? int.Parse(args[5]) : 3;
const int RangeBytes = 1024 * 1024;
const string CourseCode = "KN-02";

var trainer = await SignInAsync("trainer");
var authoring = await trainer.GetStringAsync("/authoring");
var courseId = Regex.Match(authoring, @"href=""/authoring/([0-9a-f-]{36})""[^>]*>[^<]*" + CourseCode).Groups[1].Value;
if (courseId.Length == 0) courseId = Regex.Matches(authoring, @"/authoring/([0-9a-f-]{36})").Select(m => m.Groups[1].Value)
    .First(id => trainer.GetStringAsync($"/authoring/{id}").Result.Contains(CourseCode, StringComparison.Ordinal));
var mediaId = await UploadAsync(trainer, courseId, file);

var learner = await SignInAsync("learner");
var coursePage = await learner.GetStringAsync($"/courses/{CourseCode}");
await learner.PostAsync($"/courses/{CourseCode}?handler=Enrol", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Token(coursePage) }));
var video = $"/courses/media/{mediaId}";
var statics = $"/bench-static/{Path.GetFileName(file)}";
var length = await ProbeAsync(video);
if (await ProbeAsync(statics) != length) throw new InvalidOperationException("The static copy has another length than the video.");

// Warm-up, not counted: 5 s of each at the same concurrency.
await RunAsync(statics, length, TimeSpan.FromSeconds(5), null);
await RunAsync(video, length, TimeSpan.FromSeconds(5), null);
var results = new Dictionary<string, Totals> { [statics] = new(), [video] = new() };
for (var round = 0; round < rounds; round++)
    foreach (var url in new[] { statics, video })
    {
        var samples = new List<double>[viewers];
        var watch = Stopwatch.StartNew();
        var (requests, bytes, errors) = await RunAsync(url, length, TimeSpan.FromSeconds(seconds), samples);
        results[url].Add(samples.SelectMany(t => t), requests, bytes, errors, watch.Elapsed.TotalSeconds);
    }
Console.WriteLine($"{length / (1024.0 * 1024):0} MiB file, {viewers} concurrent viewers, random ranges of {RangeBytes / 1024} KiB, {rounds} × {seconds} s each, alternating");
var baseline = results[statics].Print("static file (same Kestrel, static file middleware)");
var served = results[video].Print("video (/courses/media: session, access, library, blob store)");
Console.WriteLine($"ratio video/static: p50 {served.P50 / baseline.P50:0.00}, p99 {served.P99 / baseline.P99:0.00}, throughput {served.MiBs / baseline.MiBs:0.00}");
Console.WriteLine($"target p99 TTFB ≤ 100 ms: {(served.P99 <= 100 ? "met" : "NOT met")} on this run");
return 0;

async Task<long> ProbeAsync(string url)
{
    using var probe = await learner.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
    if (probe.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"The learner cannot fetch {url}: {probe.StatusCode}");
    return probe.Content.Headers.ContentLength ?? throw new InvalidOperationException("No length.");
}

async Task<(long Requests, long Bytes, long Errors)> RunAsync(string url, long size, TimeSpan duration, List<double>[]? samples)
{
    var range = Math.Min(RangeBytes, size / 2);
    long requests = 0, bytes = 0, errors = 0;
    var end = DateTime.UtcNow + duration;
    await Task.WhenAll(Enumerable.Range(0, viewers).Select(async viewer =>
    {
        var random = new Random(viewer * 7919 + url.Length);
        var buffer = new byte[64 * 1024];
        var mine = samples is null ? null : samples[viewer] = [];
        while (DateTime.UtcNow < end)
        {
            var start = random.NextInt64(0, size - range);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Range = new RangeHeaderValue(start, start + range - 1);
            var sent = Stopwatch.GetTimestamp();
            try
            {
                using var response = await learner.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                await using var body = await response.Content.ReadAsStreamAsync();
                var read = await body.ReadAsync(buffer);
                var first = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                long total = read;
                while ((read = await body.ReadAsync(buffer)) > 0) total += read;
                Interlocked.Increment(ref requests);
                Interlocked.Add(ref bytes, total);
                // A sample counts only for a correct answer: 206 with exactly the range's bytes.
                if (response.StatusCode == HttpStatusCode.PartialContent && total == range) mine?.Add(first);
                else if (Interlocked.Increment(ref errors) == 1) Console.Error.WriteLine($"{url}: {(int)response.StatusCode}, {total} bytes");
            }
            catch (HttpRequestException ex)
            {
                if (Interlocked.Increment(ref errors) == 1) Console.Error.WriteLine($"{url}: {ex.Message}");
            }
        }
    }));
    return (requests, bytes, errors);
}

async Task<HttpClient> SignInAsync(string user)
{
    var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = 1000 };
    var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };
    var form = await client.GetStringAsync("/account/login");
    var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["UserName"] = user, ["Password"] = "Training@2026", ["__RequestVerificationToken"] = Token(form),
    }));
    if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in of {user} failed: {response.StatusCode}");
    return client;
}

static string Token(string html) =>
    WebUtility.HtmlDecode(Regex.Match(html, @"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""").Groups[1].Value);

static async Task WriteVideoAsync(string path, long size)
{
    // An MP4 header (what the library checks) followed by pseudo-random bytes: the server never decodes video.
    await using var output = File.Create(path);
    var block = new byte[1024 * 1024];
    new Random(14).NextBytes(block);
    byte[] header = [0, 0, 0, 0x20, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m', 0, 0, 2, 0];
    header.CopyTo(block, 0);
    for (long written = 0; written < size; written += block.Length)
    {
        await output.WriteAsync(block.AsMemory(0, (int)Math.Min(block.Length, size - written)));
        block[16] ^= 0xFF;
    }
}

static async Task<string> UploadAsync(HttpClient client, string courseId, string path)
{
    var page = await client.GetStringAsync($"/authoring/{courseId}/media");
    await using var stream = File.OpenRead(path);
    using var form = new MultipartFormDataContent();
    form.Add(new StringContent("Video đo tải"), "Title");
    form.Add(new StringContent($"do-tai-{Guid.NewGuid():N}"[..20]), "Slug");
    var part = new StreamContent(stream, 81920);
    part.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
    form.Add(part, "File", "do-tai.mp4");
    using var request = new HttpRequestMessage(HttpMethod.Post, $"/authoring/{courseId}/media/upload") { Content = form };
    request.Headers.Add("RequestVerificationToken", Token(page));
    var started = Stopwatch.StartNew();
    var response = await client.SendAsync(request);
    var body = await response.Content.ReadAsStringAsync();
    if (response.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"Upload failed: {response.StatusCode} {body}");
    Console.WriteLine($"upload of {new FileInfo(path).Length / (1024 * 1024)} MiB: {started.Elapsed.TotalSeconds:0.0} s");
    return Regex.Match(body, @"""id"":""([0-9a-f-]{36})""").Groups[1].Value;
}

sealed class Totals
{
    private readonly List<double> _ttfb = [];
    private long _requests, _bytes, _errors;
    private double _seconds;

    public void Add(IEnumerable<double> ttfb, long requests, long bytes, long errors, double seconds)
    {
        _ttfb.AddRange(ttfb);
        (_requests, _bytes, _errors, _seconds) = (_requests + requests, _bytes + bytes, _errors + errors, _seconds + seconds);
    }

    public (double P50, double P99, double MiBs) Print(string label)
    {
        var all = _ttfb.Order().ToArray();
        double P(double q) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)];
        var mibs = _bytes / _seconds / (1024 * 1024);
        Console.WriteLine($"{label}:");
        Console.WriteLine($"  requests {_requests} ({_requests / _seconds:0} req/s), counted {all.Length}, errors {_errors}, {mibs:0} MiB/s");
        Console.WriteLine($"  TTFB ms: p50 {P(0.50):0.0}  p90 {P(0.90):0.0}  p99 {P(0.99):0.0}  max {all.LastOrDefault():0.0}");
        return (P(0.50), P(0.99), mibs);
    }
}
