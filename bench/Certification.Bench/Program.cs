using System.Diagnostics;
using BenchmarkDotNet.Running;
using Training.Certification.Bench;
using Training.Platform.Signing;

// dotnet run -c Release --project bench/Certification.Bench -- pdf                      BenchmarkDotNet, one render
// dotnet run -c Release --project bench/Certification.Bench -- throughput [N] [rsa|ecdsa|none] [seal]
//     N signed certificates on every core: PDFs/s and sizes (none: unsigned; seal: with seal and signature images)
// dotnet run -c Release --project bench/Certification.Bench -- cpu [rsa|ecdsa|none]    CPU time per signed PDF on one thread
// dotnet run -c Release --project bench/Certification.Bench -- verify [rsa|ecdsa]       signature verification time (median, p99)
// dotnet run -c Release --project bench/Certification.Bench -- sample FILE [rsa|ecdsa|none] [seal]   writes one certificate
var mode = args.Length > 0 ? args[0] : "";
if (mode == "sample")
{
    var sample = new PdfBenchmarks { Key = args.Length > 2 ? args[2] : "rsa", Marks = args.Contains("seal") };
    sample.Setup();
    File.WriteAllBytes(args[1], sample.RenderSigned());
    File.WriteAllBytes(args[1] + ".unsigned.pdf", sample.RenderUnsigned());
    return;
}
string Key(int i) => args.Length > i ? args[i].ToLowerInvariant() : "rsa";
if (mode is "cpu" or "throughput" or "verify")
{
    var key = mode == "throughput" ? Key(2) : Key(1);
    var bench = new PdfBenchmarks { Key = key, Marks = args.Contains("seal") };
    bench.Setup();
    if (mode == "verify")
    {
        var (_, verifier) = SignedPdfs.Create(key);
        var pdf = bench.RenderSigned();
        for (var i = 0; i < 50; i++) verifier.Verify(pdf);
        var times = new List<double>();
        for (var i = 0; i < 500; i++)
        {
            var sw = Stopwatch.StartNew();
            var report = verifier.Verify(pdf);
            times.Add(sw.Elapsed.TotalMilliseconds);
            if (!report.Valid) throw new InvalidOperationException(report.Problem);
        }
        times.Sort();
        Console.WriteLine($"verify ({key}): median {times[250]:0.000} ms, p99 {times[495]:0.000} ms, max {times[^1]:0.000} ms over 500");
        return;
    }
    if (mode == "cpu" && args.Contains("sign-only"))
    {
        // Signing alone, on documents rendered once: what PAdES adds to a certificate.
        var (signer, _) = SignedPdfs.Create(key);
        var unsigned = Enumerable.Range(0, 5).Select(_ => bench.RenderUnsigned()).ToArray();
        var purpose = new SigningPurpose("Sở Giáo dục và Đào tạo Ninh Bình", "Cấp giấy chứng nhận", "Ninh Bình");
        for (var i = 0; i < 50; i++) signer.SignAsync(unsigned[i % 5], purpose, CancellationToken.None).GetAwaiter().GetResult();
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < 500; i++) signer.SignAsync(unsigned[i % 5], purpose, CancellationToken.None).GetAwaiter().GetResult();
        Console.WriteLine($"signing only ({key}): {(Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds / 500:0.00} ms CPU per PDF");
        return;
    }
    if (mode == "cpu")
    {
        for (var i = 0; i < 50; i++) bench.RenderSigned();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < 500; i++) bench.RenderSigned();
        var perPdf = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / 500;
        Console.WriteLine($"one thread ({key}): {perPdf:0.00} ms CPU per PDF ({1000 / perPdf:0} PDFs/s per core), wall {wall.Elapsed.TotalMilliseconds / 500:0.00} ms per PDF");
        return;
    }
    var count = args.Length > 1 ? int.Parse(args[1]) : 2000;
    for (var i = 0; i < 50; i++) bench.RenderSigned();
    var stopwatch = Stopwatch.StartNew();
    long bytes = 0;
    var largest = 0;
    Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, _ =>
    {
        var size = bench.RenderSigned().Length;
        Interlocked.Add(ref bytes, size);
        InterlockedMax(ref largest, size);
    });
    Console.WriteLine($"{count} {(key == "none" ? "unsigned" : key.ToUpperInvariant() + "-signed")}{(bench.Marks ? " (seal + signature images)" : "")} PDFs on "
        + $"{Environment.ProcessorCount} cores in {stopwatch.Elapsed.TotalSeconds:0.00} s: {count / stopwatch.Elapsed.TotalSeconds:0} PDFs/s, "
        + $"average {bytes / count / 1024.0:0.0} KB, largest {largest / 1024.0:0.0} KB");
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(PdfBenchmarks).Assembly).Run(mode == "pdf" ? ["--filter", "*PdfBenchmarks*"] : args);

static void InterlockedMax(ref int target, int value)
{
    int current;
    while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current) { }
}
