using Bunit;
using CommunitySafety.Dashboard.Components.Pages.ActionPlan;
using MudBlazor;

namespace CommunitySafety.Tests.Components.ActionPlan;

public sealed class ActionPlanPageTests : PlanComponentTestContext
{
    [Fact]
    public void The_redeployable_cctv_action_sits_beside_its_asb_figure()
    {
        Render<MudPopoverProvider>();
        GoTo("action-plan?year=2023-24&quarter=1");
        var page = Render<ActionPlanPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".plan-action")));
        var cctv = page.FindAll(".plan-action").Single(a => a.TextContent.Contains("re –deployable CCTV", StringComparison.Ordinal));
        Assert.Equal("-25.1%", cctv.QuerySelector("[data-measure=ASB] .change-percent")!.TextContent);
        Assert.Contains("Real change", cctv.QuerySelector("[data-measure=ASB]")!.TextContent);
        Assert.Contains("Lead", cctv.TextContent);
        Assert.Contains("CS Team", cctv.TextContent);
        Assert.Contains("Not rated", cctv.QuerySelector(".rag-label:not(.progress-status-label)")!.TextContent);
        Assert.Equal("Not updated", cctv.QuerySelector(".progress-status-label")!.TextContent);
        Assert.Contains("Suggested figures: not yet confirmed", cctv.QuerySelector(".links-unconfirmed")!.TextContent);
        Assert.Contains("Showing 47 of 47 actions.", page.Find(".plan-filter-count").TextContent);
    }

    [Fact]
    public void The_priority_header_shows_its_headline_indicators_with_figures_and_says_where_there_is_no_police_measure()
    {
        Render<MudPopoverProvider>();
        GoTo("action-plan?year=2023-24&quarter=1");
        var page = Render<ActionPlanPage>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".plan-priority-header").Count));
        var places = page.FindAll(".plan-priority-header")[1];
        Assert.Contains("Priority 2 – Places", places.TextContent);
        Assert.Equal("-25.1%", places.QuerySelector(".plan-indicator [data-measure=ASB] .change-percent")!.TextContent);
        Assert.Contains("No police measure: road traffic collisions", places.TextContent);
    }

    [Fact]
    public void Filters_in_the_address_narrow_the_plan()
    {
        Render<MudPopoverProvider>();
        GoTo("action-plan?year=2023-24&quarter=1&priority=3&lead=Police");
        var page = Render<ActionPlanPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll(".plan-priority-header")));
        Assert.Contains("Priority 3 – Property", page.Find(".plan-priority-header").TextContent);
        var count = page.Find(".plan-filter-count").TextContent;
        Assert.Matches(@"Showing \d+ of 47 actions\.", count);
        Assert.All(page.FindAll(".plan-action"), a => Assert.Contains("Police", a.TextContent, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_mistyped_filter_in_the_address_shows_the_whole_plan_rather_than_failing()
    {
        Render<MudPopoverProvider>();
        GoTo("action-plan?year=2023-24&quarter=1&priority=three&worse=maybe");
        var page = Render<ActionPlanPage>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".plan-priority-header").Count));
        Assert.Equal("Showing 47 of 47 actions.", page.Find(".plan-filter-count").TextContent.Trim());
    }
}
