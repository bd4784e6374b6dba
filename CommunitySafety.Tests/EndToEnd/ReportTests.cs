using System.Diagnostics;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace CommunitySafety.Tests.EndToEnd;

[Collection(DashboardCollection.Name)]
public class ReportTests(DashboardServer server)
{
    private const string ReportPath = $"/report?{Pages.Period}";

    /// <summary>
    /// Q1 2023-24 with the sample data: headline table, ASB narrative and trend (1); ASB by location type and the
    /// start of crime (2); crime trend (3); crime types (4); beats and crime by location (5); domestic by location and
    /// the sources (6).
    /// </summary>
    private const int ExpectedPages = 6;

    [Fact]
    public async Task The_pdf_is_the_A4_report_with_the_Q1_figures_and_its_first_two_pages_are_saved_as_pictures()
    {
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
        using var response = await http.GetAsync($"/api/report.pdf?{Pages.Period}");
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);

        var pdf = Path.Combine(server.ScreenshotDirectory, "report-q1-2023-24.pdf");
        await File.WriteAllBytesAsync(pdf, body);

        var pages = Regex.Matches(System.Text.Encoding.Latin1.GetString(body), @"/Type\s*/Page(?![A-Za-z])").Count;
        Assert.Equal(ExpectedPages, pages);

        var text = await RunAsync("pdftotext", "-layout", pdf, "-");
        Assert.Contains("Crime and ASB Data for Harborough District Quarter 1 2023-24", Regex.Replace(text, @"\s+", " "));
        Assert.Contains("-25.1%", text);
        Assert.Contains("+21.6%", text);
        Assert.Contains($"Page 1 of {ExpectedPages}", text);
        Assert.Contains("The figures come from import", text);
        Assert.Contains("RAG in the Q1 2023-24 return", text);
        Assert.Contains("£37,479.75", text);
        Assert.DoesNotContain("Download PDF", text);

        var prefix = Path.Combine(server.ScreenshotDirectory, "report-page");
        foreach (var old in Directory.GetFiles(server.ScreenshotDirectory, "report-page-*.png")) File.Delete(old);
        await RunAsync("pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "2", pdf, prefix);
        Assert.Equal(2, Directory.GetFiles(server.ScreenshotDirectory, "report-page-*.png").Length);
    }

    [Fact]
    public async Task The_report_page_passes_axe_and_offers_the_pdf()
    {
        var page = await server.NewPageAsync(1280, 900);
        await page.GotoAsync(ReportPath);
        await page.Locator("[data-report-ready=true]").WaitForAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Crime and ASB Data for Harborough District Quarter 1 2023-24");
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Download PDF" }))
            .ToHaveAttributeAsync("href", $"api/report.pdf?{Pages.Period}");
        await Accessibility.AssertNoViolationsAsync(page, "The report");
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotDirectory, "report-screen.png"), FullPage = true });
    }

    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException($"{program} is missing: install poppler-utils (apt-get install -y poppler-utils, or run ./scripts/test.sh as root).");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"{program} failed ({process.ExitCode}): {await errors}");
            return await output;
        }
    }
}
