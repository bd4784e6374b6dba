using static CommunitySafety.Tests.TestMonths;
using Bunit;
using CommunitySafety.Dashboard.Components.Pages.Overview;
using CommunitySafety.Data;
using CommunitySafety.Data.Figures;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CommunitySafety.Tests.Components;

public class OverviewPageTests : ComponentTestContext
{
    [Fact]
    public void The_overview_shows_the_cards_headlines_and_narrative()
    {
        Render<MudPopoverProvider>();
        var page = Render<OverviewPage>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".measure-card").Count));
        Assert.Contains("-25.1%", page.Find("[data-measure=ASB] .measure-percent").TextContent);
        Assert.Contains("No data for this period (police.uk data has no domestic flag)", page.Find("[data-measure='Domestic incidents']").TextContent);
        Assert.Contains("There has been a -25.1% decrease", page.Markup);
        Assert.Contains("Criminal Damage (+21.6%)", page.Markup);
        Assert.Equal(4, page.FindAll(".chart-card").Count);
    }

    [Fact]
    public void When_the_data_changes_the_open_page_reloads_its_figures()
    {
        Render<MudPopoverProvider>();
        var page = Render<OverviewPage>();
        page.WaitForAssertion(() => Assert.Contains("-25.1%", page.Find("[data-measure=ASB] .measure-percent").TextContent));
        Figures.Summaries = (period, beat) => TestFigures.Summary(period, beat, asbCurrent: 542);

        _ = Notifier.PublishAsync(new DataChange("Q2 2023-24 data imported", DateTimeOffset.UtcNow));

        page.WaitForAssertion(() => Assert.Equal("-50.0%", page.Find("[data-measure=ASB] .measure-percent").TextContent));
    }

    [Fact]
    public async Task A_disposed_page_stops_listening_for_changes()
    {
        Render<MudPopoverProvider>();
        var page = Render<OverviewPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(Figures.SummaryRequests));
        page.Instance.Dispose();
        var requests = Figures.SummaryRequests.Count;

        await Notifier.PublishAsync(new DataChange("Q2 2023-24 data imported", DateTimeOffset.UtcNow));

        Assert.Equal(requests, Figures.SummaryRequests.Count);
    }

    [Fact]
    public void Incomplete_data_is_named_month_by_month()
    {
        Figures.Summaries = (period, beat) => TestFigures.Summary(period, beat) with { DataComplete = false, MissingMonths = [M("2023-05"), M("2023-06")] };
        Render<MudPopoverProvider>();
        var page = Render<OverviewPage>();

        page.WaitForAssertion(() => Assert.Contains("there is no data for May 2023 and Jun 2023", page.Find(".incomplete-data").TextContent));
    }

    [Fact]
    public void A_failure_to_load_is_told_in_words_not_a_stack_trace()
    {
        Figures.Summaries = (_, _) => throw new InvalidOperationException("database is locked");
        Render<MudPopoverProvider>();
        var page = Render<OverviewPage>();

        page.WaitForAssertion(() => Assert.Contains("The figures could not be loaded just now", page.Markup));
        Assert.DoesNotContain("database is locked", page.Markup);
    }
}
