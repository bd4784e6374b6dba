using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommunitySafety.Tests.EndToEnd;

/// <summary>Its own server, because the import changes the data the other tests read.</summary>
[Collection(ChangingDataCollection.Name)]
public class LiveImportTests(DashboardServer server) : IClassFixture<DashboardServer>
{

    [Fact]
    public async Task An_import_from_the_command_line_appears_on_the_open_page_without_a_reload()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/?year=2023-24&quarter=3");
        await Expect(page.Locator(".incomplete-data")).ToContainTextAsync("Oct 2023, Nov 2023 and Dec 2023");
        var countsBefore = await page.Locator("[data-measure=ASB] .measure-counts").InnerTextAsync();
        await page.EvaluateAsync("() => window.stillTheSamePage = true");

        await server.ImportTextAsync("harborough-beat-extract-2023-24-Q3.csv", Q3Extract());

        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("imported");
        await Expect(page.Locator(".incomplete-data")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-measure=ASB] .measure-counts")).Not.ToHaveTextAsync(countsBefore);
        Assert.True(await page.EvaluateAsync<bool>("() => window.stillTheSamePage === true"), "The page was reloaded.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotDirectory, "overview-after-live-import.png"), FullPage = true });
    }

    /// <summary>October to December 2023 for every beat, in the beat-extract format.</summary>
    internal static string Q3Extract()
    {
        string[] beats = ["Harborough North", "Harborough Town", "Lutterworth", "Broughton Astley", "Kibworth and Fleckney", "Harborough Rural East", "Lutterworth Rural"];
        var csv = new StringBuilder("Month,Beat,Category,Type,LocationType,Domestic,Count\n");
        foreach (var month in new[] { "2023-10", "2023-11", "2023-12" })
        foreach (var beat in beats)
        {
            csv.Append($"{month},{beat},ASB,Nuisance,Residential,N,40\n");
            csv.Append($"{month},{beat},Crime,Criminal Damage,Residential,N,12\n");
            csv.Append($"{month},{beat},Crime,Violence Without Injury,Dwelling,Y,9\n");
            csv.Append($"{month},{beat},Incident,,Dwelling,Y,5\n");
        }
        return csv.ToString();
    }
}
