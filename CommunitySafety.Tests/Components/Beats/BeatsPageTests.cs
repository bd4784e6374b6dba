using AngleSharp.Dom;
using Bunit;
using CommunitySafety.Dashboard.Components.Pages.Beats;
using CommunitySafety.Data;
using CommunitySafety.Data.Figures;
using MudBlazor;

namespace CommunitySafety.Tests.Components.Beats;

public sealed class BeatsPageTests : ComponentTestContext
{
    private IRenderedComponent<BeatsPage> Open(string url = "beats?year=2023-24&quarter=2")
    {
        Render<MudPopoverProvider>();
        GoTo(url);
        var page = Render<BeatsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".beats-table tbody tr").Count));
        return page;
    }

    private static IElement RowOf(IRenderedComponent<BeatsPage> page, string beat) =>
        page.FindAll(".beats-table tbody tr").Single(r => Cell(r, "Beat") == beat);

    private static string Cell(IElement row, string column) => row.QuerySelector($"td[data-label='{column}']")!.TextContent.Trim();

    private static string Change(IElement row, string column) =>
        string.Join(" ", row.QuerySelector($"td[data-label='{column}']")!.QuerySelectorAll(".change-percent, .change-significance, .change-none")
            .Select(e => e.TextContent.Trim()));

    [Fact]
    public void Every_beat_is_listed_with_its_year_to_date_counts_changes_and_significance()
    {
        var page = Open();

        Assert.Equal(["Harborough North", "Harborough Town"], page.FindAll(".beats-table tbody tr").Select(r => Cell(r, "Beat")));
        var north = RowOf(page, "Harborough North");
        Assert.Equal("300", Cell(north, "ASB"));
        Assert.Equal("-14.3% Possible change", Change(north, "ASB change"));
        Assert.Equal("500", Cell(north, "Crime"));
        Assert.Equal("+4.2% Within normal variation", Change(north, "Crime change"));
        Assert.Equal("No data", Cell(north, "Domestic"));
        Assert.Equal("No data", Change(north, "Domestic change"));
        var town = RowOf(page, "Harborough Town");
        Assert.Equal("250", Cell(town, "ASB"));
        Assert.Equal("-24.2% Real change", Change(town, "ASB change"));
        Assert.Equal("420", Cell(town, "Crime"));
        Assert.Equal("-2.3% Within normal variation", Change(town, "Crime change"));
        var district = page.Find(".beats-table tfoot tr");
        Assert.Equal("Harborough district", Cell(district, "Beat"));
        Assert.Equal("812", Cell(district, "ASB"));
        Assert.Equal("-25.1% Real change", Change(district, "ASB change"));
    }

    [Fact]
    public void The_figures_are_those_of_the_period_in_the_address_and_each_beats_link_keeps_that_period()
    {
        var page = Open("beats?year=2022-23&quarter=3");

        Assert.All(Figures.SummaryRequests, request => Assert.Equal((new FinancialQuarter(2022, 3), (string?)null), request));
        Assert.Contains("Q3 2022-23: year to date Apr 2022 to Dec 2022", page.Find(".page-period").TextContent);
        Assert.Equal("beats/Harborough%20North?year=2022-23&quarter=3", RowOf(page, "Harborough North").QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("beats/Harborough%20Town?year=2022-23&quarter=3", RowOf(page, "Harborough Town").QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void When_the_data_changes_the_open_page_reloads_every_beats_figures()
    {
        var page = Open();
        Assert.Equal("300", Cell(RowOf(page, "Harborough North"), "ASB"));
        Figures.Summaries = (period, beat) =>
        {
            var summary = TestFigures.Summary(period, beat);
            return summary with { Beats = [summary.Beats[0] with { Asb = TestFigures.Measure(420, 350) }, summary.Beats[1]] };
        };

        _ = Notifier.PublishAsync(new DataChange("Q2 2023-24 data imported", DateTimeOffset.UtcNow));

        page.WaitForAssertion(() => Assert.Equal("420", Cell(RowOf(page, "Harborough North"), "ASB")));
        Assert.Equal("+20.0% Within normal variation", Change(RowOf(page, "Harborough North"), "ASB change"));
        Assert.Equal("250", Cell(RowOf(page, "Harborough Town"), "ASB"));
    }
}
