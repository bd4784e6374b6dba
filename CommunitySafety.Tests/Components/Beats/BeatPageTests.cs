using Bunit;
using CommunitySafety.Dashboard.Components.Pages.Beats;
using CommunitySafety.Data.Figures;
using MudBlazor;

namespace CommunitySafety.Tests.Components.Beats;

public sealed class BeatPageTests : ComponentTestContext
{
    public BeatPageTests()
    {
        // The beat has 148 ASB incidents of the district's 812.
        Figures.Summaries = (period, beat) => beat is null ? TestFigures.Summary(period) : TestFigures.Summary(period, beat, asbCurrent: 148);
    }

    private IRenderedComponent<BeatPage> Open(string name, string url = "beats/x?year=2023-24&quarter=2")
    {
        Render<MudPopoverProvider>();
        GoTo(url);
        return Render<BeatPage>(p => p.Add(c => c.Name, name));
    }

    [Fact]
    public void The_beat_page_shows_the_beats_own_figures_for_the_period_beside_the_districts()
    {
        var page = Open("Harborough North");

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".measure-card").Count));
        Assert.Equal("Harborough North", page.Find("h1").TextContent.Trim());
        Assert.Contains("Q2 2023-24: year to date Apr 2023 to Sep 2023", page.Find(".page-period").TextContent);
        Assert.Contains((new FinancialQuarter(2023, 2), "Harborough North"), Figures.SummaryRequests);
        var asb = page.Find("[data-measure=ASB]");
        Assert.Equal("-86.3%", asb.QuerySelector(".measure-percent")!.TextContent);
        Assert.Equal("148 this year to date, 1,084 last year (936 fewer)", asb.QuerySelector(".measure-counts")!.TextContent.Trim());
        Assert.Equal("Harborough district: down 25.1%", asb.QuerySelector(".beat-district-change")!.TextContent.Trim());
        Assert.Equal("18.2% of the district's ASB (148 of 812)", asb.QuerySelector(".beat-share")!.TextContent.Trim());
        Assert.Contains("No data for this period (police.uk data has no domestic flag)", page.Find("[data-measure='Domestic incidents']").TextContent);
    }

    [Fact]
    public void A_beat_name_is_matched_whatever_its_case_and_shown_as_the_data_spells_it()
    {
        var page = Open(" harborough town ");

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".measure-card").Count));
        Assert.Equal("Harborough Town", page.Find("h1").TextContent.Trim());
        Assert.Contains((new FinancialQuarter(2023, 2), "Harborough Town"), Figures.SummaryRequests);
    }

    [Fact]
    public void An_unknown_beat_is_told_in_a_sentence_with_a_way_back_to_the_list()
    {
        var page = Open("Nowhere");

        page.WaitForAssertion(() => Assert.Contains("There is no beat called 'Nowhere'.", page.Find(".mud-alert").TextContent));
        Assert.Empty(page.FindAll(".measure-card"));
        Assert.DoesNotContain(Figures.SummaryRequests, r => r.Beat is not null);
        var back = page.Find(".mud-alert a");
        Assert.Equal("Choose a beat from the list of beats.", back.TextContent.Trim());
        Assert.Equal("beats?year=2023-24&quarter=2", back.GetAttribute("href"));
    }
}
