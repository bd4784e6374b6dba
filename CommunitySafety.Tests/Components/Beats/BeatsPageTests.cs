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

    [Fact]
    public void A_column_heading_sorts_the_beats_by_it_and_again_the_other_way_saying_so_to_a_screen_reader()
    {
        var page = Open();
        IReadOnlyList<string> Beats() => page.FindAll(".beats-table tbody tr").Select(r => Cell(r, "Beat")).ToList();
        AngleSharp.Dom.IElement Heading(string title) => page.FindAll(".beats-table thead th").Single(th => th.TextContent.Trim() == title);
        Assert.Equal("ascending", Heading("Beat").GetAttribute("aria-sort"));

        Heading("ASB").QuerySelector("button")!.Click();
        Assert.Equal(["Harborough Town", "Harborough North"], Beats()); // 250, then 300
        Assert.Equal("ascending", Heading("ASB").GetAttribute("aria-sort"));
        Assert.Null(Heading("Beat").GetAttribute("aria-sort"));

        Heading("ASB").QuerySelector("button")!.Click();
        Assert.Equal(["Harborough North", "Harborough Town"], Beats());
        Assert.Equal("descending", Heading("ASB").GetAttribute("aria-sort"));

        // A small screen shows the table as cards without headings: its select sorts the same way.
        page.Find("#beats-sort").Change("Crime:desc");
        Assert.Equal(["Harborough North", "Harborough Town"], Beats()); // 500, then 420
        Assert.Equal("descending", Heading("Crime").GetAttribute("aria-sort"));
    }

    [Fact]
    public void Each_order_of_a_versions_rows_is_worked_out_once_and_shared()
    {
        var page = Open();
        Heading(page, "Crime").QuerySelector("button")!.Click();
        var figures = (BeatsFigures)typeof(BeatsPage).BaseType!.GetProperty("Figures", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public)!.GetValue(page.Instance)!;

        Assert.Same(BeatsOrder.Rows(figures, BeatColumn.Crime, false), BeatsOrder.Rows(figures, BeatColumn.Crime, false));
        Assert.NotSame(BeatsOrder.Rows(figures, BeatColumn.Crime, false), BeatsOrder.Rows(figures, BeatColumn.Crime, true));
    }

    private static AngleSharp.Dom.IElement Heading(IRenderedComponent<BeatsPage> page, string title) =>
        page.FindAll(".beats-table thead th").Single(th => th.TextContent.Trim() == title);

    [Fact]
    public void Beats_without_a_figure_come_last_whichever_way_and_ties_go_by_name()
    {
        static BeatRow Row(string name, int? asb) =>
            new(new BeatMeasures(name, asb is { } n ? TestFigures.Measure(n, n) : null, null, null), [], "");
        var rows = new[] { Row("Cc", 5), Row("Aa", null), Row("bb", 5), Row("Dd", 9) };

        Assert.Equal(["bb", "Cc", "Dd", "Aa"], BeatsOrder.Order(rows, BeatColumn.Asb, descending: false).Select(r => r.Name));
        Assert.Equal(["Dd", "bb", "Cc", "Aa"], BeatsOrder.Order(rows, BeatColumn.Asb, descending: true).Select(r => r.Name));
        Assert.Equal(["Dd", "Cc", "bb", "Aa"], BeatsOrder.Order(rows, BeatColumn.Beat, descending: true).Select(r => r.Name));
    }
}
