using static Microsoft.Playwright.Assertions;

namespace CommunitySafety.Tests.EndToEnd;

/// <summary>
/// Beat and crime type names come from imported files and reach the charts' legends and tooltips, which ApexCharts
/// writes as HTML: the app's chart module makes them text. Drawn with the app's own module on one of its pages.
/// </summary>
[Collection(DashboardCollection.Name)]
public class ChartTextTests(DashboardServer server)
{
    [Fact]
    public async Task Markup_in_a_series_name_or_category_shows_as_text_in_the_legend_and_the_tooltip()
    {
        var page = await server.NewPageAsync(1280, 900);
        await Pages.OpenAsync(page, Pages.Overview);
        await page.EvaluateAsync("""
            async () => {
                const charts = await import('./Components/Charts/ApexChart.razor.js');
                const element = document.createElement('div');
                element.id = 'markup-chart';
                // Above the app's own bars and menus, so the mouse reaches it.
                Object.assign(element.style, { position: 'fixed', top: '120px', left: '120px', width: '600px', zIndex: '100000', background: 'white' });
                document.body.append(element);
                await charts.init(element, 'markup-chart', JSON.stringify({
                    chart: { type: 'bar', height: 300, animations: { enabled: false } },
                    series: [{ name: '<b id="from-series">Nuisance</b>', data: [4, 6] }, { name: 'Personal', data: [3, 5] }],
                    xaxis: { categories: ['<b id="from-category">North</b>', 'South'] },
                    legend: { show: true },
                }));
            }
            """);

        var chart = page.Locator("#markup-chart");
        await Expect(chart.Locator(".apexcharts-legend-text").First).ToHaveTextAsync("<b id=\"from-series\">Nuisance</b>");
        await chart.Locator(".apexcharts-bar-area").First.HoverAsync();
        await Expect(chart.Locator(".apexcharts-tooltip-title")).ToHaveTextAsync("<b id=\"from-category\">North</b>");
        await Expect(chart.Locator(".apexcharts-tooltip-text-y-label").First).ToContainTextAsync("<b id=\"from-series\">Nuisance</b>");

        Assert.Equal(0, await page.Locator("#from-series, #from-category").CountAsync());
    }
}
