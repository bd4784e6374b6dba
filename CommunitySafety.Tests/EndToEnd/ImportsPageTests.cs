using System.IO.Compression;
using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommunitySafety.Tests.EndToEnd;

/// <summary>The Imports page in a browser, on a server of its own because it changes the data.</summary>
[Collection(ChangingDataCollection.Name)]
public class ImportsPageTests(DashboardServer server) : IClassFixture<DashboardServer>
{
    private const string Header = "Month,Beat,Category,Type,LocationType,Domestic,Count";

    [Fact]
    public async Task Three_bad_rows_are_listed_and_downloadable_then_the_corrected_file_imports_and_the_overview_changes()
    {
        var page = await server.NewPageAsync(role: "Analyst");
        await page.GotoAsync("/?year=2023-24&quarter=3");
        await Expect(page.Locator(".incomplete-data")).ToContainTextAsync("Oct 2023, Nov 2023 and Dec 2023");
        var asbBefore = await page.Locator("[data-measure=ASB] .measure-counts").InnerTextAsync();

        await OpenAsync(page);
        await page.Locator("#import-files").SetInputFilesAsync(Csv("q3-2023-24.csv", Q3(bad: true)));

        var errors = page.Locator(".import-error");
        await Expect(errors).ToHaveCountAsync(3);
        await Expect(page.Locator("#import-errors-heading")).ToHaveTextAsync("3 problems were found");
        await Expect(errors.Nth(0)).ToHaveTextAsync("q3-2023-24.csv, line 5, column Month: found \"2023-13\"; expected a month such as 2023-04, 2023-04-01, 01/04/2023, 04/2023, Apr 2023 or April 2023.");
        await Expect(errors.Nth(1)).ToContainTextAsync("line 6, column Category: found \"Burglary\"; expected ASB");
        await Expect(errors.Nth(2)).ToContainTextAsync("line 10, column Count: found \"-4\"; expected a whole number, 0 or more");
        await Expect(page.Locator(".import-status")).ToContainTextAsync("nothing was changed");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(".error-report-link").ClickAsync());
        Assert.Equal("import-errors.csv", download.SuggestedFilename);
        var report = await File.ReadAllLinesAsync(await download.PathAsync());
        Assert.Equal(4, report.Length);
        Assert.StartsWith("q3-2023-24.csv,5,Month,2023-13,", report[1]);

        await page.Locator("#import-files").SetInputFilesAsync(Csv("q3-2023-24.csv", Q3(bad: false)));
        await Expect(page.Locator("#preview-heading")).ToBeVisibleAsync();
        await Expect(page.Locator(".preview-months")).ToContainTextAsync("Oct 2023: new, no data yet");
        await Expect(page.Locator("[data-figure=ASB] .figure-before")).Not.ToHaveTextAsync(await page.Locator("[data-figure=ASB] .figure-after").InnerTextAsync());
        await page.Locator(".import-button").ClickAsync();
        await Expect(page.Locator(".import-done")).ToContainTextAsync("rows kept for Q3 2023-24 data");
        await Expect(page.Locator(".history-entry").First).ToContainTextAsync("Oct 2023 to Dec 2023");

        await page.GotoAsync("/?year=2023-24&quarter=3");
        await Expect(page.Locator(".incomplete-data")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-measure=ASB] .measure-counts")).Not.ToHaveTextAsync(asbBefore);
    }

    [Fact]
    public async Task A_police_uk_zip_is_previewed_with_its_skipped_rows_and_can_be_cancelled()
    {
        var page = await server.NewPageAsync(role: "Analyst");
        await OpenAsync(page);
        await page.Locator("#import-files").SetInputFilesAsync(new FilePayload { Name = "download.zip", MimeType = "application/zip", Buffer = PoliceUkZip() });

        await Expect(page.Locator(".preview-facts")).ToContainTextAsync("police.uk street-level crime");
        await Expect(page.Locator(".preview-rows")).ToHaveTextAsync("3 read, 2 kept, 1 skipped");
        await Expect(page.Locator(".skip-reasons")).ToContainTextAsync("1 rows outside Harborough");
        await Expect(page.Locator(".preview-warnings")).ToContainTextAsync("outcomes and stop-and-search files are not used");

        await page.Locator(".cancel-button").ClickAsync();
        await Expect(page.Locator(".import-status")).ToHaveTextAsync("The import was cancelled; nothing was changed.");
    }

    [Fact]
    public async Task A_second_upload_waits_its_turn_and_says_so()
    {
        var first = await server.NewPageAsync(role: "Analyst");
        var second = await server.NewPageAsync(role: "Analyst");
        await OpenAsync(first);
        await OpenAsync(second);

        await first.Locator("#import-files").SetInputFilesAsync(Csv("first.csv", Header + "\n2019-01,Harborough North,ASB,Nuisance,Street,N,3\n"));
        await Expect(first.Locator("#preview-heading")).ToBeVisibleAsync();

        await second.Locator("#import-files").SetInputFilesAsync(Csv("second.csv", Header + "\n2019-02,Harborough North,ASB,Nuisance,Street,N,3\n"));
        await Expect(second.Locator(".import-status")).ToContainTextAsync("Another import is in progress. Yours will start as soon as it has finished");

        await first.Locator(".cancel-button").ClickAsync();
        await Expect(second.Locator("#preview-heading")).ToBeVisibleAsync();
        await second.Locator(".cancel-button").ClickAsync();
    }

    [Fact]
    public async Task Undo_says_what_comes_back_and_puts_it_back()
    {
        var page = await server.NewPageAsync(role: "Analyst");
        await OpenAsync(page);
        var newest = page.Locator(".history-entry").First;
        await newest.WaitForAsync();
        var newestBefore = await newest.GetAttributeAsync("data-import");
        await page.Locator("#import-files").SetInputFilesAsync(Csv("one-month.csv", Header + "\n2023-09,Harborough North,ASB,Nuisance,Street,N,999\n"));
        await Expect(page.Locator(".preview-months")).ToContainTextAsync("Sep 2023: replaces import 1");
        await Expect(page.Locator(".quality-warning[data-kind=UnusualCount]").First).ToContainTextAsync("far");
        await page.Locator(".import-button").ClickAsync();
        await Expect(page.Locator(".import-done")).ToContainTextAsync("done");
        // The history reloads after the import: read the new entry's number only once it is listed.
        await Expect(newest).Not.ToHaveAttributeAsync("data-import", newestBefore!);
        var id = await newest.GetAttributeAsync("data-import");
        var entry = page.Locator($".history-entry[data-import='{id}']");

        await entry.Locator(".undo-button").ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToContainTextAsync($"Undoing import {id}: Sep 2023 will come from import 1 again.");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Undo import", Exact = true }).ClickAsync();

        await Expect(page.Locator(".undo-message")).ToContainTextAsync($"Import {id} undone");
        await Expect(page.Locator($".history-entry[data-import='{id}'] .undone-chip")).ToBeVisibleAsync();
    }

    /// <summary>Opens the page and waits until its file input listens: a file set before that would be lost.</summary>
    private static async Task OpenAsync(IPage page)
    {
        await page.GotoAsync("/imports");
        await page.Locator(".import-upload[data-ready=true]").WaitForAsync();
    }

    private static FilePayload Csv(string name, string text) => new() { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(text) };

    /// <summary>October to December 2023 for every beat; with three bad rows (lines 5, 6 and 10) when asked.</summary>
    private static string Q3(bool bad)
    {
        string[] beats = ["Harborough North", "Harborough Town", "Lutterworth", "Broughton Astley", "Kibworth and Fleckney", "Harborough Rural East", "Lutterworth Rural"];
        var csv = new StringBuilder(Header + "\n");
        var line = 1;
        foreach (var month in new[] { "2023-10", "2023-11", "2023-12" })
        foreach (var beat in beats)
        {
            line++;
            var monthText = bad && line == 5 ? "2023-13" : month;
            csv.Append($"{monthText},{beat},ASB,Nuisance,Residential,N,31\n");
            line++;
            csv.Append($"{month},{beat},{(bad && line == 6 ? "Burglary" : "Crime")},Criminal Damage,Residential,N,12\n");
            line++;
            csv.Append($"{month},{beat},Crime,Violence Without Injury,Dwelling,Y,{(bad && line == 10 ? "-4" : "9")}\n");
        }
        return csv.ToString();
    }

    private static byte[] PoliceUkZip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string text)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
            Add("2019-01/2019-01-leicestershire-street.csv",
                "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n" +
                "a,2019-01,L,L,-0.9,52.4,On or near X,E01025770,Harborough 002A,Burglary,,\n" +
                ",2019-01,L,L,-0.9,52.4,On or near X,E01025771,Harborough 002B,Anti-social behaviour,,\n" +
                ",2019-01,L,L,-0.9,52.4,On or near X,E01025600,Blaby 001A,Anti-social behaviour,,\n");
            Add("2019-01/2019-01-leicestershire-outcomes.csv", "Crime ID,Month\n");
        }
        return buffer.ToArray();
    }
}
