using System.Diagnostics;
using BenchmarkDotNet.Running;
using Training.Certification.Bench;
using Training.Certification.Pdf;
using Training.Platform.Pdf;

// dotnet run -c Release --project bench/Certification.Bench -- pdf            BenchmarkDotNet, one render
// dotnet run -c Release --project bench/Certification.Bench -- throughput [N]   N renders on every core, PDFs/s
if (args.Length > 0 && args[0] == "cpu")
{
    // CPU time per PDF on one thread: meaningful even when other processes load the machine.
    var bench = new PdfBenchmarks();
    bench.Setup();
    for (var i = 0; i < 50; i++) bench.Render();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var wall = Stopwatch.StartNew();
    for (var i = 0; i < 500; i++) bench.Render();
    var perPdf = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / 500;
    Console.WriteLine($"one thread: {perPdf:0.00} ms CPU per PDF ({1000 / perPdf:0} PDFs/s per core), wall {wall.Elapsed.TotalMilliseconds / 500:0.00} ms per PDF");
    return;
}
if (args.Length > 0 && args[0] == "throughput")
{
    var count = args.Length > 1 ? int.Parse(args[1]) : 2000;
    var bench = new PdfBenchmarks();
    bench.Setup();
    var warm = Enumerable.Range(0, 50).Sum(_ => bench.Render());
    var stopwatch = Stopwatch.StartNew();
    long bytes = 0;
    Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, _ =>
    {
        Interlocked.Add(ref bytes, bench.Render());
    });
    Console.WriteLine($"{count} PDFs on {Environment.ProcessorCount} cores in {stopwatch.Elapsed.TotalSeconds:0.00} s: "
        + $"{count / stopwatch.Elapsed.TotalSeconds:0} PDFs/s, average {bytes / count / 1024.0:0.0} KB");
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(PdfBenchmarks).Assembly).Run(args.Length > 0 && args[0] == "pdf" ? ["--filter", "*PdfBenchmarks*"] : args);

