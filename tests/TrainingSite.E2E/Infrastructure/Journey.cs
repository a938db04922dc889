namespace Training.E2E.Infrastructure;

/// <summary>Steps shared by the journeys.</summary>
public static class Journey
{
    /// <summary>Folder for screenshots and downloads kept as test artifacts: artifacts/e2e under the repository root.</summary>
    public static string Artifacts
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Training.sln"))) dir = dir.Parent;
            var path = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "artifacts", "e2e");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    /// <summary>The small legal corpus the journeys import (tests/TrainingSite.E2E/LegalLibrary/corpus).</summary>
    public static string TestCorpus
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Training.sln"))) dir = dir.Parent;
            return Path.Combine(dir!.FullName, "tests", "TrainingSite.E2E", "LegalLibrary", "corpus");
        }
    }

    public static async Task LoginAsync(this IPage page, string user, string password = Browser.DemoPassword)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Tên đăng nhập").FillAsync(user);
        await page.GetByLabel("Mật khẩu").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).Last.ClickAsync();
        try
        {
            await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        }
        catch (TimeoutException e)
        {
            // A clean-clone run once timed out here with nothing to go on: keep what the page said, and a screenshot.
            await page.ScreenshotAsync($"login-timeout-{user}");
            var said = await page.Locator("body").InnerTextAsync(new() { Timeout = 5000 });
            throw new TimeoutException($"Login as '{user}' stayed on {page.Url}. The page said: {said[..Math.Min(said.Length, 800)]}", e);
        }
    }

    public static Task ScreenshotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, name + ".png"), FullPage = true });
}
