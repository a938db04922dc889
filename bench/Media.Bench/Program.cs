using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

// Issue 14 target: a 200 MB video served with HTTP range requests to 200 concurrent viewers of different byte ranges,
// p99 time-to-first-byte ≤ 100 ms. Against a running site (bench/Media/run.sh starts one with the demo data):
// the trainer uploads the video through the streaming upload endpoint, the learner enrols in the course, then
// <viewers> tasks each request random 1 MiB ranges (as a player seeking does) for <seconds>, each with the learner's
// session, measuring the time from sending to the first body byte; the rest of the range is read and discarded.
// Usage: Media.Bench <base url> [megabytes=200] [viewers=200] [seconds=30]
var baseUrl = args.Length > 0 ? args[0].TrimEnd('/') : "http://127.0.0.1:5205";
var megabytes = args.Length > 1 ? int.Parse(args[1]) : 200;
var viewers = args.Length > 2 ? int.Parse(args[2]) : 200;
var seconds = args.Length > 3 ? int.Parse(args[3]) : 30;
const int RangeBytes = 1024 * 1024;
const string CourseCode = "KN-02";

var trainer = await SignInAsync("trainer");
var authoring = await trainer.GetStringAsync("/authoring");
var courseId = Regex.Match(authoring, @"href=""/authoring/([0-9a-f-]{36})""[^>]*>[^<]*" + CourseCode).Groups[1].Value;
if (courseId.Length == 0) courseId = Regex.Matches(authoring, @"/authoring/([0-9a-f-]{36})").Select(m => m.Groups[1].Value)
    .First(id => trainer.GetStringAsync($"/authoring/{id}").Result.Contains(CourseCode, StringComparison.Ordinal));

var file = Path.Combine(Path.GetTempPath(), $"media-bench-{Guid.NewGuid():N}.mp4");
await WriteVideoAsync(file, megabytes * 1024L * 1024);
var mediaId = await UploadAsync(trainer, courseId, file);
File.Delete(file);

var learner = await SignInAsync("learner");
var coursePage = await learner.GetStringAsync($"/courses/{CourseCode}");
await learner.PostAsync($"/courses/{CourseCode}?handler=Enrol", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Token(coursePage) }));
var probe = await learner.GetAsync($"/courses/media/{mediaId}", HttpCompletionOption.ResponseHeadersRead);
if (probe.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"Learner cannot fetch the video: {probe.StatusCode}");
var length = probe.Content.Headers.ContentLength ?? throw new InvalidOperationException("No length.");
probe.Dispose();

// Baseline in the same run: the same viewers on a static file of the same site (StaticFiles, same pipeline, ranges,
// no authorisation, no blob store), so a loaded machine's figures can be read as a ratio.
const string StaticFile = "/_content/Courses/lib/pdfjs/pdf.worker.min.mjs";
var staticLength = (await learner.GetByteArrayAsync(StaticFile)).LongLength;
await RunAsync(learner, StaticFile, staticLength, viewers, TimeSpan.FromSeconds(5), null);
var baseline = await MeasureAsync(StaticFile, staticLength, "static file (baseline)");
// Warm-up: 5 s at the same concurrency, not counted.
await RunAsync(learner, $"/courses/media/{mediaId}", length, viewers, TimeSpan.FromSeconds(5), null);
var video = await MeasureAsync($"/courses/media/{mediaId}", length, "video");
Console.WriteLine($"ratio video/static: p50 {video.P50 / baseline.P50:0.00}, p99 {video.P99 / baseline.P99:0.00}");
return video.P99 <= 100 ? 0 : 2;

async Task<(double P50, double P99)> MeasureAsync(string url, long size, string label)
{
    var ttfb = new List<double>[viewers];
    var stopwatch = Stopwatch.StartNew();
    var (requests, bytes, errors) = await RunAsync(learner, url, size, viewers, TimeSpan.FromSeconds(seconds), ttfb);
    var elapsed = stopwatch.Elapsed.TotalSeconds;
    var all = ttfb.SelectMany(t => t).Order().ToArray();
    double P(double q) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)];
    Console.WriteLine($"{label}: {size / (1024.0 * 1024):0.0} MiB, {viewers} viewers, {seconds} s, random ranges of {Math.Min(RangeBytes, size / 2) / 1024} KiB");
    Console.WriteLine($"  requests {requests} ({requests / elapsed:0} req/s), counted {all.Length}, errors {errors}, {bytes / elapsed / (1024 * 1024):0} MiB/s");
    Console.WriteLine($"  TTFB ms: p50 {P(0.50):0.0}  p90 {P(0.90):0.0}  p99 {P(0.99):0.0}  max {all.LastOrDefault():0.0}");
    return (P(0.50), P(0.99));
}

async Task<(long Requests, long Bytes, long Errors)> RunAsync(HttpClient client, string url, long size, int count, TimeSpan duration, List<double>[]? samples)
{
    var range = Math.Min(RangeBytes, size / 2);
    long requests = 0, bytes = 0, errors = 0;
    var end = DateTime.UtcNow + duration;
    await Task.WhenAll(Enumerable.Range(0, count).Select(async viewer =>
    {
        var random = new Random(viewer);
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
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                await using var body = await response.Content.ReadAsStreamAsync();
                var read = await body.ReadAsync(buffer);
                var first = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                long total = read;
                while ((read = await body.ReadAsync(buffer)) > 0) total += read;
                Interlocked.Increment(ref requests);
                Interlocked.Add(ref bytes, total);
                if (response.StatusCode == HttpStatusCode.PartialContent && total == range) mine?.Add(first);
                // The static baseline is answered whole (200) by the site's static asset endpoints: its first byte still compares.
                else if (url == StaticFile && response.StatusCode == HttpStatusCode.OK) mine?.Add(first);
                else Interlocked.Increment(ref errors);
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref errors);
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
