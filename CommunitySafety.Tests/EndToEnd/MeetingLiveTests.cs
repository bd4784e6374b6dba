using System.Text;
using static Microsoft.Playwright.Assertions;

namespace CommunitySafety.Tests.EndToEnd;

/// <summary>Its own server, because the import changes the data the other tests read.</summary>
[Collection(ChangingDataCollection.Name)]
public class MeetingLiveTests(DashboardServer server) : IClassFixture<DashboardServer>
{
    [Fact]
    public async Task An_import_during_the_meeting_redraws_the_slide_on_screen()
    {
        var page = await server.NewPageAsync(1366, 768);
        await page.GotoAsync("/meeting?year=2023-24&quarter=3");
        await Expect(page.Locator(".meeting[data-keys=on]")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("4");
        await Expect(page.Locator("#slide-title")).ToHaveTextAsync("Beats");
        await Expect(page.Locator(".slide-warning")).ToContainTextAsync("Oct 2023, Nov 2023 and Dec 2023");
        var districtBefore = await page.Locator(".beat-table .total").InnerTextAsync();

        await server.ImportTextAsync("harborough-beat-extract-2023-24-Q3.csv", LiveImportTests.Q3Extract());

        await Expect(page.Locator(".slide-warning")).ToHaveCountAsync(0);
        await Expect(page.Locator(".beat-table .total")).Not.ToHaveTextAsync(districtBefore);
        await Expect(page.Locator("#slide-title")).ToHaveTextAsync("Beats");
        await Expect(page.Locator(".slide-counter")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^4 of "));
    }
}
