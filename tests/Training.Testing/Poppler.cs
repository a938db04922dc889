using System.Diagnostics;

namespace Training.Testing;

/// <summary>Poppler's command-line tools (Debian poppler-utils, installed by test.sh): what an independent PDF reader says.</summary>
public static class Poppler
{
    /// <summary>The output of <c>pdfsig</c> on the document (its exit code is non-zero for an invalid signature).</summary>
    public static string Pdfsig(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), "pdfsig-" + Guid.NewGuid().ToString("N") + ".pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            return Run("pdfsig", file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Renders page <paramref name="page"/> to PNG at <paramref name="dpi"/> with <c>pdftoppm</c>.</summary>
    public static byte[] RenderPng(byte[] pdf, int page = 1, int dpi = 200)
    {
        var dir = Directory.CreateTempSubdirectory("pdftoppm-").FullName;
        try
        {
            var file = Path.Combine(dir, "doc.pdf");
            File.WriteAllBytes(file, pdf);
            Run("pdftoppm", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", page.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-l", page.ToString(System.Globalization.CultureInfo.InvariantCulture), "-png", "-singlefile", file, Path.Combine(dir, "page"));
            return File.ReadAllBytes(Path.Combine(dir, "page.png"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException(tool + " did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000)) { process.Kill(); throw new TimeoutException(tool); }
        return output.Result + error.Result;
    }
}
