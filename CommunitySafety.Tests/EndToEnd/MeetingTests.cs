using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommunitySafety.Tests.EndToEnd;

[Collection(DashboardCollection.Name)]
public class MeetingTests(DashboardServer server)
{
    private const string MeetingPath = $"/meeting?{Pages.Period}";

    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(1366, 768)]
    public async Task Every_slide_fits_the_screen_and_passes_axe(int width, int height)
    {
        var page = await server.NewPageAsync(width, height);
        var count = await OpenAsync(page);

        for (var slide = 1; slide <= count; slide++)
        {
            await page.Keyboard.PressAsync(slide == 10 ? "0" : slide.ToString());
            await ExpectSlideAsync(page, slide, count);
            await page.Locator(".slide").GetByRole(AriaRole.Heading, new() { Level = 2 }).WaitForAsync();
            if (await page.Locator(".slide .apex-chart").CountAsync() > 0) await page.Locator(".slide .apex-chart svg").First.WaitForAsync();

            await Accessibility.AssertNoViolationsAsync(page, $"Slide {slide} at {width}x{height}");
            var overflow = await page.EvaluateAsync<int[]>(
                "() => { const s = document.querySelector('.meeting-stage'); return [document.documentElement.scrollHeight - innerHeight, document.documentElement.scrollWidth - innerWidth, s.scrollHeight - s.clientHeight]; }");
            await page.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotDirectory, $"meeting-{width}-slide-{slide}.png") });
            Assert.True(overflow.All(o => o <= 0), $"Slide {slide} does not fit {width}x{height}: overflows by {string.Join(", ", overflow)} px (page down, page across, slide).");
        }
    }

    [Fact]
    public async Task The_keyboard_and_a_clicker_move_between_slides_and_Escape_leaves_for_the_overview()
    {
        var page = await server.NewPageAsync();
        var count = await OpenAsync(page);
        var live = page.Locator(".slide-announcement");

        await page.Keyboard.PressAsync("ArrowRight");
        await ExpectSlideAsync(page, 2, count);
        await Expect(live).ToHaveTextAsync($"Slide 2 of {count}: ASB by quarter over four years");

        await page.Keyboard.PressAsync("PageDown");
        await ExpectSlideAsync(page, 3, count);
        await page.Keyboard.PressAsync("Space");
        await ExpectSlideAsync(page, 4, count);
        await page.Keyboard.PressAsync("PageUp");
        await ExpectSlideAsync(page, 3, count);
        await page.Keyboard.PressAsync("ArrowLeft");
        await ExpectSlideAsync(page, 2, count);
        await page.Keyboard.PressAsync("End");
        await ExpectSlideAsync(page, count, count);
        await page.Keyboard.PressAsync("Home");
        await ExpectSlideAsync(page, 1, count);
        await page.Keyboard.PressAsync("ArrowLeft");
        await ExpectSlideAsync(page, 1, count);
        await page.Keyboard.PressAsync("3");
        await ExpectSlideAsync(page, 3, count);
        await Expect(page.Locator("#slide-title")).ToHaveTextAsync("Crime types");

        await page.Keyboard.PressAsync("Escape");

        await Expect(page).ToHaveURLAsync(new Regex($@"/\?{Regex.Escape(Pages.Period)}$"));
        await Expect(page.Locator("[data-measure=ASB] .measure-percent")).ToHaveTextAsync("-25.1%");
    }

    [Fact]
    public async Task The_first_slide_shows_the_reports_figures_in_words_as_well_as_colour()
    {
        var page = await server.NewPageAsync();
        await OpenAsync(page);

        await Expect(page.Locator(".slide [data-measure=ASB] .measure-percent")).ToHaveTextAsync("-25.1%");
        await Expect(page.Locator(".slide [data-measure=ASB] .measure-words")).ToHaveTextAsync("down 25.1%");
        await Expect(page.Locator(".slide-narrative")).ToContainTextAsync("+21.6% increase");
        await Expect(page.Locator("nav[aria-label=Main]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_plan_has_a_slide_per_priority_and_the_last_shows_the_returns_RAG_and_spend()
    {
        var page = await server.NewPageAsync();
        var count = await OpenAsync(page);

        await page.Keyboard.PressAsync("5");
        await Expect(page.Locator("#slide-title")).ToHaveTextAsync("Priority 1: People");
        await Expect(page.Locator(".priority-indicators")).ToContainTextAsync("Domestic incidents");
        await Expect(page.Locator(".priority-indicators")).ToContainTextAsync("+6.3%");
        await Expect(page.Locator(".slide-actions tbody tr").First).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("End");
        await ExpectSlideAsync(page, count, count);
        await Expect(page.Locator("#slide-title")).ToHaveTextAsync("OPCC return: RAG and spend");
        await Expect(page.Locator(".slide-subtitle")).ToContainTextAsync("Q1 2023-24 return");
        await Expect(page.Locator(".spend-totals-list")).ToContainTextAsync("£37,479.75");
        await Expect(page.Locator(".rag-counts")).ToContainTextAsync("Not rated");
    }

    /// <summary>Opens the meeting at Q1 2023-24 and returns its number of slides.</summary>
    private static async Task<int> OpenAsync(IPage page)
    {
        await page.GotoAsync(MeetingPath);
        await Expect(page.Locator(".slide[data-slide='1']")).ToBeVisibleAsync();
        await Expect(page.Locator(".meeting[data-keys=on]")).ToHaveCountAsync(1);
        var counter = await page.Locator(".slide-counter").InnerTextAsync();
        return int.Parse(Regex.Match(counter, @"of (\d+)").Groups[1].Value);
    }

    private static async Task ExpectSlideAsync(IPage page, int slide, int count)
    {
        await Expect(page.Locator(".slide")).ToHaveAttributeAsync("data-slide", slide.ToString());
        await Expect(page.Locator(".slide-counter")).ToHaveTextAsync($"{slide} of {count}");
    }
}
