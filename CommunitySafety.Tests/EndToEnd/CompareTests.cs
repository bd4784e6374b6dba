using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommunitySafety.Tests.EndToEnd;

/// <summary>A dashboard that keeps every area a police.uk file holds (Areas:Include=*).</summary>
public sealed class SeveralAreasServer : DashboardServer
{
    public SeveralAreasServer() => Settings["Areas__Include"] = "*";
}

/// <summary>The Compare page in the browser, over three areas and a population imported with the command line.</summary>
[Collection(ChangingDataCollection.Name)]
public class CompareTests(SeveralAreasServer server) : IClassFixture<SeveralAreasServer>
{
    [Fact]
    public async Task The_compare_page_draws_rates_with_the_group_line_is_accessible_and_shows_its_chart_as_a_table()
    {
        await server.ImportTextAsync("leicestershire-street.csv", StreetFile());
        await server.ImportTextAsync("population.csv", "Area,Population\nHarborough,10000\nBlaby,20000\n", "import-population");

        var page = await server.NewPageAsync();
        await page.GotoAsync("/compare?year=2023-24&quarter=1");
        await Expect(page.Locator(".comparison-verdict")).ToHaveTextAsync("Harborough's ASB rate, 4.00 per 1,000 residents, is lower than its group's, 10.00.");
        var chart = page.Locator(".compare-rates .apex-chart svg").First;
        await chart.WaitForAsync();
        await Expect(page.Locator(".compare-rates .apexcharts-xaxis-annotations")).ToContainTextAsync("Group rate: 10.00");
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotDirectory, "compare.png"), FullPage = true });
        await Accessibility.AssertNoViolationsAsync(page, "The compare page");

        await page.Locator(".compare-rates .show-table-switch input").CheckAsync();
        var rows = page.Locator(".compare-rates tbody tr");
        await Expect(rows).ToHaveCountAsync(4);
        await Expect(rows.Nth(0)).ToContainTextAsync("Harborough");
        await Expect(rows.Nth(0)).ToContainTextAsync("2.86 to 5.45");
        await Expect(rows.Nth(2)).ToContainTextAsync("no population");
        await Accessibility.AssertNoViolationsAsync(page, "The compare page's table view");

        // The area choice in the header: the same page for Blaby.
        await page.GotoAsync("/compare?year=2023-24&quarter=1&area=Blaby");
        await Expect(page.Locator(".comparison-verdict")).ToHaveTextAsync("Blaby's ASB rate, 10.00 per 1,000 residents, is higher than its group's, 4.00.");
        await Expect(page.Locator("nav a[href^='beats']")).ToHaveAttributeAsync("href", "beats?year=2023-24&quarter=1&area=Blaby");
    }

    /// <summary>ASB in April 2022 and Q1 2023-24: Harborough 20 and 40, Blaby 120 and 200, Melton 30 and 30.</summary>
    private static string StreetFile()
    {
        var csv = new StringBuilder("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n");
        foreach (var (month, lsoa, count) in new[]
                 {
                     ("2022-04", "Harborough 001A", 20), ("2022-04", "Blaby 001A", 120), ("2022-04", "Melton 001A", 30),
                     // Every month of Harborough's Q1, so that none of the sample data's stays in its year to date.
                     ("2023-04", "Harborough 001A", 20), ("2023-05", "Harborough 001A", 10), ("2023-06", "Harborough 001A", 10),
                     ("2023-04", "Blaby 001A", 200), ("2023-04", "Melton 001A", 30),
                 })
            for (var i = 0; i < count; i++)
                csv.Append($",{month},Leicestershire Police,Leicestershire Police,-0.92,52.47,On or near High Street,E01000001,{lsoa},Anti-social behaviour,,\n");
        return csv.ToString();
    }
}
