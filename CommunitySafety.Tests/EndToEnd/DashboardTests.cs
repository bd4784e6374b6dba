using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommunitySafety.Tests.EndToEnd;

[Collection(DashboardCollection.Name)]
public class DashboardTests(DashboardServer server)
{
    [Fact]
    public async Task The_overview_shows_the_reports_figures_for_Q1_2023_24()
    {
        var page = await server.NewPageAsync();
        await Pages.OpenAsync(page, Pages.Overview);

        await Expect(page.Locator("[data-measure=ASB] .measure-percent")).ToHaveTextAsync("-25.1%");
        await Expect(page.Locator("[data-measure=ASB] .measure-words")).ToHaveTextAsync("down 25.1%");
        await Expect(page.Locator(".headlines")).ToContainTextAsync("Criminal Damage (+21.6%)");
        await Expect(page.Locator(".narrative")).ToContainTextAsync("-25.1% decrease in the number of ASB incidents");
        await Expect(page).ToHaveTitleAsync("Overview, Q1 2023-24 - Harborough Community Safety");
    }

    [Fact]
    public async Task Criminal_damage_rose_by_21_6_percent_on_the_crime_types_page()
    {
        var page = await server.NewPageAsync();
        await Pages.OpenAsync(page, Pages.CrimeTypes);

        var row = page.Locator(".crime-types-table tbody tr", new() { HasText = "Criminal Damage" }).First;
        await Expect(row).ToContainTextAsync("+21.6%");
        await Expect(page.Locator("#selected-crime-type")).ToHaveTextAsync("Criminal Damage in each beat");
    }

    [Fact]
    public async Task Changing_the_period_changes_the_figures_and_the_address_and_back_returns()
    {
        var page = await server.NewPageAsync();
        await Pages.OpenAsync(page, Pages.Overview);
        var asb = page.Locator("[data-measure=ASB] .measure-percent");
        await Expect(asb).ToHaveTextAsync("-25.1%");

        await page.GetByLabel("Quarter (year to date)").SelectOptionAsync(new SelectOptionValue { Label = "Q2 (Jul-Sep)" });

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"\?year=2023-24&quarter=2$"));
        await Expect(page.Locator(".page-period")).ToContainTextAsync("Q2 2023-24: year to date Apr 2023 to Sep 2023");
        await Expect(page.Locator(".app-period")).ToContainTextAsync("Q2 2023-24");
        await Expect(asb).Not.ToHaveTextAsync("-25.1%");

        await page.GoBackAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"\?year=2023-24&quarter=1$"));
        await Expect(asb).ToHaveTextAsync("-25.1%");
    }

    [Fact]
    public async Task A_beat_page_opens_from_the_beats_table()
    {
        var page = await server.NewPageAsync();
        await Pages.OpenAsync(page, Pages.Beats);

        await page.Locator(".beats-table").GetByRole(AriaRole.Link, new() { Name = "Harborough North" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/beats/Harborough%20North\?year=2023-24&quarter=1$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Harborough North");
        await Expect(page.Locator("[data-measure=ASB] .beat-share")).ToContainTextAsync("of the district's ASB");
        await Expect(page.Locator("[data-measure=ASB] .beat-district-change")).ToContainTextAsync("Harborough district: down 25.1%");
    }

    [Theory]
    [MemberData(nameof(Pages.Names), MemberType = typeof(Pages))]
    public async Task Every_page_passes_axe_in_light_and_dark(string name)
    {
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            var page = await server.NewPageAsync(colorScheme: scheme, role: Pages.Named(name).Role);
            await Pages.OpenAsync(page, Pages.Named(name));
            await page.Locator(scheme == ColorScheme.Dark ? ".mud-theme-dark, [aria-label='Switch to light theme']" : "[aria-label='Switch to dark theme']").First.WaitForAsync();

            await Accessibility.AssertNoViolationsAsync(page, $"{name} ({scheme})");
            await page.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotDirectory, $"{name}-{scheme.ToString().ToLowerInvariant()}-1920.png"), FullPage = true });
        }
    }

    [Theory]
    [MemberData(nameof(Pages.Names), MemberType = typeof(Pages))]
    public async Task Every_page_fits_a_360_pixel_phone_without_scrolling_sideways(string name)
    {
        var page = await server.NewPageAsync(width: 360, height: 740, role: Pages.Named(name).Role);
        await Pages.OpenAsync(page, Pages.Named(name));

        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");

        await page.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotDirectory, $"{name}-light-360.png"), FullPage = true });
        Assert.True(widths[0] <= widths[1], $"{name} is {widths[0]} px wide on a {widths[1]} px screen.");
    }

    [Fact]
    public async Task The_menu_sits_beside_the_page_on_a_wide_screen_and_over_it_on_a_phone()
    {
        var wide = await server.NewPageAsync();
        await Pages.OpenAsync(wide, Pages.Overview);
        var beats = wide.Locator("#main-menu").GetByRole(AriaRole.Link, new() { Name = "Beats" });
        await Expect(beats).ToBeVisibleAsync();
        var button = wide.Locator(".menu-button");
        await Expect(button).ToHaveAttributeAsync("aria-expanded", "true");
        await button.ClickAsync();
        await Expect(beats).Not.ToBeVisibleAsync();
        await Expect(button).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(button).ToHaveAccessibleNameAsync("Open the menu");

        var phone = await server.NewPageAsync(width: 360, height: 740);
        await Pages.OpenAsync(phone, Pages.Overview);
        var menuButton = phone.Locator(".menu-button");
        var beatsLink = phone.Locator("#main-menu").GetByRole(AriaRole.Link, new() { Name = "Beats" });
        await Expect(menuButton).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(beatsLink).Not.ToBeVisibleAsync();

        await menuButton.ClickAsync();
        await Expect(beatsLink).ToBeVisibleAsync();
        await Expect(menuButton).ToHaveAttributeAsync("aria-expanded", "true");
        await phone.Keyboard.PressAsync("Tab");
        await phone.Keyboard.PressAsync("Escape");
        await Expect(beatsLink).Not.ToBeVisibleAsync();
        await Expect(menuButton).ToBeFocusedAsync();

        // Following a link closes the menu that covers the page.
        await menuButton.ClickAsync();
        await beatsLink.ClickAsync();
        await Expect(phone).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/beats\?"));
        await Expect(beatsLink).Not.ToBeVisibleAsync();
        await Expect(menuButton).ToHaveAttributeAsync("aria-expanded", "false");
    }

    [Fact]
    public async Task The_summary_api_returns_the_contracts_document()
    {
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        using var document = JsonDocument.Parse(await http.GetStringAsync("/api/summary?year=2023-24&quarter=1"));
        var root = document.RootElement;

        Assert.Equal(
            ["area", "financialYear", "quarter", "current", "previous", "dataComplete", "missingMonths", "asb", "crime", "domestic",
             "crimeTypes", "beats", "locationTypes", "headlines", "narrative"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(-25.1, root.GetProperty("asb").GetProperty("changePercent").GetDouble());
        Assert.Equal("real", root.GetProperty("asb").GetProperty("significance").GetString());
    }

    [Theory]
    [InlineData("/api/summary?year=2023&quarter=1", "year must be a financial year like 2023-24")]
    [InlineData("/api/summary?year=2023-24&quarter=5", "quarter must be 1, 2, 3 or 4")]
    [InlineData("/api/summary?year=2023-24&quarter=1&beat=Nowhere", "beat 'Nowhere' is not a known beat")]
    [InlineData("/api/trends?measure=x", "measure 'x' is not asb, crime, domestic or a known crime type")]
    [InlineData("/api/trends?measure=asb&by=week", "by must be month or quarter")]
    public async Task A_bad_request_is_told_what_is_wrong(string path, string sentence)
    {
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        using var response = await http.GetAsync(path);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(sentence, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_trends_api_returns_a_quarterly_series()
    {
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        using var document = JsonDocument.Parse(await http.GetStringAsync("/api/trends?measure=asb&beat=Harborough%20North&by=quarter"));

        Assert.Equal("quarter", document.RootElement.GetProperty("by").GetString());
        Assert.Equal("Harborough North", document.RootElement.GetProperty("beat").GetString());
        Assert.True(document.RootElement.GetProperty("points").GetArrayLength() >= 16);
    }
}
