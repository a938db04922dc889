using System.Diagnostics;
using Training.Abstractions.Hosting;
using Training.Abstractions.Storage;
using Training.Platform.Storage;

// What the orphan sweep's walk of one prefix costs on the data-folder store: keyset pages of 500 through ListAsync (each
// page reads and sorts the whole folder again) against one EnumerateAsync walk. Both read every blob's description.
// Usage: dotnet run -c Release --project bench/Storage.Bench -- [blobs] [rounds]
var blobs = args.Length > 0 ? int.Parse(args[0]) : 20_000;
var rounds = args.Length > 1 ? int.Parse(args[1]) : 3;
var root = Path.Combine(Path.GetTempPath(), "storage-bench-" + Guid.NewGuid().ToString("N"));
try
{
    var store = new FileSystemBlobStore(new TrainingPaths(root), TimeProvider.System);
    var content = new byte[2048];
    var fill = Stopwatch.StartNew();
    // Certificate PDFs lie flat under one prefix, as CertificateFiles stores them.
    for (var i = 0; i < blobs; i++)
        await store.PutAsync($"certificates/{Guid.NewGuid():N}.pdf", new MemoryStream(content), "application/pdf");
    Console.WriteLine($"blobs={blobs} put in {fill.Elapsed.TotalSeconds:0.0} s; rounds={rounds}");

    var paged = new List<double>();
    var walked = new List<double>();
    for (var round = 0; round < rounds; round++)
    {
        var watch = Stopwatch.StartNew();
        var count = 0;
        for (string? after = null; ;)
        {
            var page = await store.ListAsync("certificates/", after, BlobSweeper.PageSize);
            count += page.Count;
            if (page.Count < BlobSweeper.PageSize) break;
            after = page[^1].Key;
        }
        paged.Add(watch.Elapsed.TotalMilliseconds);
        if (count != blobs) throw new InvalidOperationException($"paged listing saw {count} blobs");

        watch.Restart();
        count = 0;
        await foreach (var _ in ((IBlobListing)store).EnumerateAsync("certificates/")) count++;
        walked.Add(watch.Elapsed.TotalMilliseconds);
        if (count != blobs) throw new InvalidOperationException($"walk saw {count} blobs");
    }
    double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
    Console.WriteLine($"keyset pages of {BlobSweeper.PageSize}: median {Median(paged):0} ms ({string.Join(", ", paged.Select(x => x.ToString("0")))})");
    Console.WriteLine($"one walk:               median {Median(walked):0} ms ({string.Join(", ", walked.Select(x => x.ToString("0")))})");
    Console.WriteLine($"ratio pages/walk: {Median(paged) / Median(walked):0.0}");
}
finally
{
    Directory.Delete(root, recursive: true);
}
