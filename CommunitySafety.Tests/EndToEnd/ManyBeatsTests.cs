using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommunitySafety.Tests.EndToEnd;

/// <summary>A district with more beats than fit on one page of the beats table, in the browser: its own server, as it imports.</summary>
[Collection(ChangingDataCollection.Name)]
public class ManyBeatsTests(DashboardServer server) : IClassFixture<DashboardServer>
{
    [Fact]
    public async Task The_beats_table_goes_a_page_at_a_time_by_keyboard_finds_a_beat_and_is_accessible()
    {
        await server.ImportTextAsync("harborough-sixty-beats.csv", SixtyBeats());

        var page = await server.NewPageAsync();
        await page.GotoAsync("/beats?year=2023-24&quarter=1");
        var status = page.Locator(".beats-status[role=status]");
        await Expect(status).ToHaveTextAsync(new Regex(@"^Showing beats 1 to 50 of \d+\.$"));
        var total = int.Parse(Regex.Match(await status.InnerTextAsync(), @"of (\d+)").Groups[1].Value);
        Assert.InRange(total, 61, 100);
        await Expect(page.Locator(".beats-table tbody tr")).ToHaveCountAsync(50);
        await Accessibility.AssertNoViolationsAsync(page, "The beats page with sixty beats and more");

        // By keyboard: the Next button, pressed with Enter, shows the rest and keeps the focus where it was.
        var next = page.GetByRole(AriaRole.Navigation, new() { Name = "Pages of beats" }).GetByRole(AriaRole.Button, new() { Name = "Next page" });
        await next.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(status).ToHaveTextAsync($"Showing beats 51 to {total} of {total}.");
        await Expect(page.Locator(".beats-table tbody tr")).ToHaveCountAsync(total - 50);
        await Expect(next).ToBeFocusedAsync();
        await Expect(next).ToHaveAttributeAsync("aria-disabled", "true");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Page 2" })).ToHaveAttributeAsync("aria-current", "page");
        await Accessibility.AssertNoViolationsAsync(page, "The beats page's last page");
        await page.Locator("nav.beats-pager").ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotDirectory, "beats-pager.png") });

        await page.GetByLabel("Find a beat").FillAsync("test beat 0");
        await Expect(status).ToHaveTextAsync("Showing beats 1 to 9 of the 9 whose name contains \"test beat 0\".");
        await Expect(page.Locator(".beats-table tbody tr")).ToHaveCountAsync(9);
        await page.Locator(".beats-table").GetByRole(AriaRole.Link, new() { Name = "Test Beat 07" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/beats/Test%20Beat%2007\?year=2023-24&quarter=1$"));

        var phone = await server.NewPageAsync(width: 390, height: 844);
        await phone.GotoAsync("/beats?year=2023-24&quarter=1");
        await Expect(phone.Locator(".beats-status[role=status]")).ToHaveTextAsync($"Showing beats 1 to 50 of {total}.");
        await phone.Locator(".beats-find").ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotDirectory, "beats-find-phone.png") });
        await phone.Locator("nav.beats-pager").ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotDirectory, "beats-pager-phone.png") });
        await Accessibility.AssertNoViolationsAsync(phone, "The beats page with sixty beats and more on a phone");
    }

    /// <summary>Test Beat 01 to Test Beat 60, each with some ASB and crime in April 2023, in the beat-extract format.</summary>
    private static string SixtyBeats()
    {
        var csv = new StringBuilder("Month,Beat,Category,Type,LocationType,Domestic,Count\n");
        for (var n = 1; n <= 60; n++)
        {
            csv.Append($"2023-04,Test Beat {n:00},ASB,Nuisance,Residential,N,{n}\n");
            csv.Append($"2023-04,Test Beat {n:00},Crime,Criminal Damage,Residential,N,{61 - n}\n");
        }
        return csv.ToString();
    }
}
