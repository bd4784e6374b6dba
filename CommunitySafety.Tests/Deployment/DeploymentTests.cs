using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using CommunitySafety.Tests.EndToEnd;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CommunitySafety.Tests.Deployment;

/// <summary>
/// SLOW (publishes the app in Release, a minute or two): the files of deploy/ work. The published app runs in
/// Production with the systemd unit's settings behind nginx with the site of deploy/, and Chromium, through nginx,
/// draws a page, sees a command-line import arrive on it live, and downloads the PDF.
/// Run alone with: dotnet test CommunitySafety.Tests --filter "Speed=Slow".
/// </summary>
[Trait("Speed", "Slow")]
[Collection(ChangingDataCollection.Name)]
public class DeploymentTests(PublishedDeployment deployment, ITestOutputHelper output) : IClassFixture<PublishedDeployment>
{
    [Fact]
    public void The_publish_folder_has_the_app_its_static_files_sample_data_and_plans_and_no_npm_files()
    {
        var app = deployment.AppFolder;
        Assert.True(File.Exists(Path.Combine(app, "CommunitySafety.Dashboard.dll")), deployment.PublishOutput);
        Assert.True(File.Exists(Path.Combine(app, "wwwroot", "lib", "apexcharts", "apexcharts.min.js")), "The chart library is not in wwwroot/lib.");
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(app, "sample-data"), "*.csv"));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(app, "action-plans"), "action-plan-*.json"));
        Assert.False(File.Exists(Path.Combine(app, "package.json")), "npm's package.json was published.");
        Assert.False(File.Exists(Path.Combine(app, "package-lock.json")), "npm's package-lock.json was published.");
        Assert.False(Directory.Exists(Path.Combine(app, "node_modules")), "node_modules was published.");
    }

    [Fact]
    public async Task The_systemd_unit_the_backup_service_and_its_timer_pass_systemd_analyze()
    {
        const string analyze = "/usr/bin/systemd-analyze";
        Assert.True(File.Exists(analyze), $"{analyze} is missing (Debian's systemd package); it checks the unit files of deploy/.");
        var start = new ProcessStartInfo(analyze) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = PublishedDeployment.DeployFolder };
        foreach (var unit in new[] { "community-safety.service", "community-safety-backup.service", "community-safety-backup.timer" })
            start.ArgumentList.Add(Path.Combine(PublishedDeployment.DeployFolder, unit));
        start.ArgumentList.Insert(0, "verify");
        using var process = Process.Start(start)!;
        var said = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        // systemd-analyze exits 0 even for an unknown key, so what it says about our files is the verdict.
        var aboutOurs = said.Split('\n').Where(line => line.Contains("community-safety", StringComparison.Ordinal)).ToList();
        Assert.True(process.ExitCode == 0 && aboutOurs.Count == 0, $"systemd-analyze verify ({process.ExitCode}):\n{said}");
    }

    [Fact]
    public async Task Through_nginx_a_page_draws_a_command_line_import_shows_up_live_the_pdf_downloads_and_the_pdf_limit_holds()
    {
        var page = await deployment.NewPageAsync();
        var response = await page.GotoAsync("/?year=2023-24&quarter=2");
        Assert.Equal(200, response!.Status);
        // The sample data is off in Production: only what the command line imported is there, up to June 2023.
        await Expect(page.Locator(".incomplete-data")).ToContainTextAsync("Jul 2023, Aug 2023 and Sep 2023");
        await Expect(page.Locator(".apex-chart svg").First).ToBeVisibleAsync();
        await page.EvaluateAsync("() => window.stillTheSamePage = true");

        var quarter2 = Path.Combine(EndToEnd.DashboardServer.SolutionDirectory, "data", "sample", "harborough-beat-extract-2023-24-Q2.csv");
        var (exit, importOutput) = await deployment.RunCommandLineAsync(["import", quarter2]);
        Assert.True(exit == 0, $"The import failed ({exit}):\n{importOutput}");
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("imported");
        await Expect(page.Locator(".incomplete-data")).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("() => window.stillTheSamePage === true"), "The page was reloaded, so the update did not come live over the WebSocket.");

        await page.GotoAsync("/report?year=2023-24&quarter=2");
        await page.Locator("[data-report-ready=true]").WaitForAsync();
        var cold = Stopwatch.StartNew();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download PDF" }).ClickAsync());
        cold.Stop();
        Assert.Null(await download.FailureAsync());
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.Equal("crime-and-asb-data-2023-24-q2.pdf", download.SuggestedFilename);

        var warm = Stopwatch.StartNew();
        var again = await page.APIRequest.GetAsync("/api/report.pdf?year=2023-24&quarter=2");
        warm.Stop();
        Assert.Equal(200, again.Status);
        output.WriteLine($"PDF through nginx: first (Chromium started) {cold.ElapsedMilliseconds} ms, second (warm) {warm.ElapsedMilliseconds} ms.");

        // One line per request outcome and per change, without the query string.
        await Expect(page.Locator("body")).ToBeVisibleAsync();
        Assert.Matches(new Regex(@"GET /api/report\.pdf 200 \d+ ms"), deployment.AppOutput);
        Assert.Contains("Data changed: ", deployment.AppOutput);
        Assert.DoesNotContain("year=2023-24", deployment.AppOutput);

        // The PDF limit (RateLimits:PdfPerMinute, 10 a minute for an address): the next requests get 429 with a sentence.
        IAPIResponse? refused = null;
        for (var i = 0; i < 12 && refused is null; i++)
        {
            var attempt = await page.APIRequest.GetAsync("/api/report.pdf?year=nonsense");
            if (attempt.Status == 429) refused = attempt;
            else Assert.Equal(400, attempt.Status);
        }
        Assert.NotNull(refused);
        Assert.StartsWith("Too many requests from your address: please wait", await refused.TextAsync());
    }

    [Fact]
    public async Task Through_nginx_health_answers_the_security_headers_are_set_and_http_goes_to_https()
    {
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator, AllowAutoRedirect = false };
        using var http = new HttpClient(handler);

        using var health = await http.GetAsync($"{deployment.HttpsUrl}/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());

        using var page = await http.GetAsync($"{deployment.HttpsUrl}/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Matches("script-src 'self' 'nonce-[^']+';", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Assert.Single(page.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(page.Headers.GetValues("Referrer-Policy")));
        // HSTS is sent only over HTTPS: the app knows the browser used HTTPS because nginx, a known proxy, said so.
        Assert.Equal("max-age=31536000", Assert.Single(page.Headers.GetValues("Strict-Transport-Security")));

        using var plain = await http.GetAsync($"{deployment.HttpUrl}/imports");
        Assert.Equal(HttpStatusCode.MovedPermanently, plain.StatusCode);
        Assert.Equal("https://127.0.0.1/imports", plain.Headers.Location?.ToString());
    }
}
