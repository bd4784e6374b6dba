using Bunit;
using CommunitySafety.Dashboard.Components.Charts;
using CommunitySafety.Dashboard.Components.Pages.Beats;
using CommunitySafety.Dashboard.Components.Pages.Overview;
using CommunitySafety.Dashboard.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CommunitySafety.Tests.Components;

/// <summary>
/// What never changes without new figures is plain markup, not a component each: every open page keeps its components
/// in memory, and a beats table of 300 beats had about 20 a row.
/// </summary>
public class PlainMarkupTests : ComponentTestContext
{
    [Fact]
    public void The_beats_table_keeps_no_component_for_a_row_and_draws_its_trend_as_a_line()
    {
        Render<MudPopoverProvider>();
        var page = Render<BeatsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".beats-table tbody tr")));

        Assert.Empty(page.FindComponents<MudTd>());
        Assert.Empty(page.FindComponents<ChangeText>());
        Assert.Empty(page.FindComponents<MudLink>());
        Assert.Empty(page.FindComponents<ApexChart>());
        Assert.Empty(page.FindComponents<BeatsTableCells>()); // its figures are shared HTML, not components of the page
        var line = page.Find(".beats-table tbody tr td[data-label='Crime trend'] svg.sparkline");
        Assert.Equal("img", line.GetAttribute("role"));
        Assert.StartsWith("Crimes", line.GetAttribute("aria-label"));
        Assert.StartsWith("M", line.QuerySelector("path")!.GetAttribute("d"));
        // Still what MudBlazor drew: its classes, the small-screen labels and the hidden arrow.
        var cell = page.Find(".beats-table tbody tr td[data-label='ASB change']");
        Assert.Contains("mud-table-cell", cell.ClassName);
        Assert.Equal("true", cell.QuerySelector("svg")!.GetAttribute("aria-hidden"));
    }

    [Fact]
    public void The_overview_draws_its_cards_and_headings_without_a_component_for_each_piece_of_text()
    {
        Render<MudPopoverProvider>();
        var page = Render<OverviewPage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".measure-card").Count));

        Assert.Empty(page.FindComponents<MudText>());
        Assert.Empty(page.FindComponents<MudPaper>());
        Assert.True(page.FindComponents<IComponent>().Count <= 55, $"{page.FindComponents<IComponent>().Count} components");
        Assert.Equal("h3", page.Find("[data-measure=ASB] .measure-title").TagName.ToLowerInvariant());
    }

    [Fact]
    public async Task The_printed_packs_and_the_meetings_beat_table_rows_are_shared_html_with_names_shown_as_text()
    {
        var summary = TestFigures.Summary(TestFigures.Q1) with
        {
            Beats = [new CommunitySafety.Data.Figures.BeatMeasures("<b>Market</b> Harborough", TestFigures.Measure(300, 350), null, null)],
        };

        var first = Render<BeatTable>(p => p.Add(t => t.Summary, summary));
        var second = Render<BeatTable>(p => p.Add(t => t.Summary, summary).Add(t => t.Dense, false));
        first.WaitForAssertion(() => Assert.Equal(2, first.FindAll("tbody tr").Count));

        Assert.Empty(first.FindComponents<BeatTableRows>()); // shared HTML, not components of each page
        var beat = first.Find("tbody tr th[scope=row]");
        Assert.Equal("<b>Market</b> Harborough", beat.TextContent);
        Assert.Empty(beat.QuerySelectorAll("b"));
        Assert.Equal("300", first.Find("tbody tr td.number").TextContent);
        Assert.Contains("-14.3%", first.Find("tbody tr td .change-percent").TextContent);
        Assert.Equal("Harborough district", first.Find("tbody tr.total th").TextContent);
        Assert.Equal("No data", first.FindAll("tbody tr")[0].QuerySelectorAll("td")[4].TextContent);
        second.WaitForAssertion(() => Assert.Equal(first.Find("tbody").InnerHtml, second.Find("tbody").InnerHtml));
        Assert.Same((await BeatTable.RowsAsync(summary)).Value, (await BeatTable.RowsAsync(summary)).Value);
        Assert.NotSame((await BeatTable.RowsAsync(summary)).Value, (await BeatTable.RowsAsync(summary with { })).Value);
    }
}
