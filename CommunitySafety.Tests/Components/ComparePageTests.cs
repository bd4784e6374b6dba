using Bunit;
using CommunitySafety.Dashboard.Api;
using CommunitySafety.Dashboard.Components.Pages.Compare;
using CommunitySafety.Data.Figures;
using CommunitySafety.Tests.Data;
using CommunitySafety.Tests.Data.Areas;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;

namespace CommunitySafety.Tests.Components;

/// <summary>The Compare page over a real database of three areas (<see cref="ComparisonData"/>).</summary>
public abstract class ComparePageContext : ComponentTestContext, IAsyncLifetime
{
    protected TestDatabase Database = null!;

    protected abstract bool WithPopulation { get; }

    public async Task InitializeAsync()
    {
        Database = await ComparisonData.CreateAsync(WithPopulation);
        Services.Replace(ServiceDescriptor.Singleton(Database.Figures));
        Services.AddSingleton(Database.Services.GetRequiredService<ComparisonGroupChoice>());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
    }

    protected IRenderedComponent<ComparePage> Open(string address = "compare?year=2023-24&quarter=1")
    {
        GoTo(address);
        Render<MudPopoverProvider>();
        var page = Render<ComparePage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".comparison-table")), TimeSpan.FromSeconds(10));
        return page;
    }
}

/// <summary>Its verdict, its table and GET /api/compare agree.</summary>
public class ComparePageTests : ComparePageContext
{
    protected override bool WithPopulation => true;

    [Fact]
    public void The_verdict_is_written_as_the_spec_writes_it()
    {
        var page = Open();

        Assert.Equal("Harborough's ASB rate, 4.00 per 1,000 residents, is lower than its group's, 10.00.", Words(page.Find(".comparison-verdict").TextContent));
        Assert.Contains("The group is every other area the dashboard keeps: Blaby and Melton.", Words(page.Find(".comparison-group").TextContent));
        Assert.Contains("Left out of the group's rate for want of a population: Melton.", Words(page.Markup));
    }

    [Fact]
    public async Task The_table_shows_the_same_numbers_as_GET_api_compare()
    {
        var page = Open();
        var result = await DashboardApi.GetComparisonAsync("2023-24", "1", "asb", null, null, Database.Figures, CancellationToken.None);
        var comparison = Assert.IsType<Comparison>(Assert.IsAssignableFrom<IValueHttpResult>(result).Value);

        foreach (var area in new[] { comparison.Area }.Concat(comparison.Areas))
        {
            var cells = page.Find($".comparison-table tr[data-area='{area.Area}']").QuerySelectorAll("td").Select(td => Words(td.TextContent)).ToList();
            Assert.Equal(area.Current!.Value.ToString("N0"), cells[0]);
            Assert.Equal(area.Previous!.Value.ToString("N0"), cells[1]);
            Assert.Equal(area.ChangePercent is double p ? p.ToString("+0.0;-0.0;0.0") + "%" : "n/a", cells[2]);
            Assert.Equal(area.Population is long n ? n.ToString("N0") : "no population", cells[3]);
            Assert.Equal(area.Rate is double r ? r.ToString("0.00") : "no population", cells[4]);
            Assert.Equal(area.Lower95 is double lo ? $"{lo:0.00} to {area.Upper95:0.00}" : "", cells[5]);
            Assert.Equal(area.Rank is int rank ? $"{rank} of 2" : "", cells[6]);
        }
        // Worked by hand: Harborough 40 / 10,000, Blaby 200 / 20,000, Melton without a population.
        Assert.Equal((4.00, 2.86, 5.45, 2), (comparison.Area.Rate, comparison.Area.Lower95, comparison.Area.Upper95, comparison.Area.Rank));
        Assert.Equal(10.00, comparison.Group.Rate);
        Assert.Contains("10.00", page.Find(".group-row").TextContent);
    }

    [Fact]
    public void The_rates_chart_has_its_numbers_as_a_table()
    {
        var page = Open();
        page.Find(".compare-rates .show-table-switch input").Change(true);

        // The table replaces the chart on the card's next render, which a busy machine may not have finished yet.
        page.WaitForAssertion(() =>
        {
            var rows = page.FindAll(".compare-rates tbody tr").Select(r => string.Join(" | ", r.Children.Select(c => Words(c.TextContent)))).ToList();
            Assert.Equal(["Harborough | 4.00 | 2.86 to 5.45", "Blaby | 10.00 | 8.66 to 11.49", "Melton | no population | ", "Group rate (the line) | 10.00 | "], rows);
        }, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void The_overview_has_a_line_per_headline_measure_against_similar_areas_naming_the_group()
    {
        GoTo("?year=2023-24&quarter=1");
        Render<MudPopoverProvider>();
        var page = Render<CommunitySafety.Dashboard.Components.Pages.Overview.OverviewPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".similar-areas li")), TimeSpan.FromSeconds(10));
        // Only ASB has data in every area of the group with a population (Blaby has no crime at all).
        var line = page.Find(".similar-areas li[data-measure=asb]");
        Assert.Equal("ASB: lower than similar areas (4.00 per 1,000 residents against 10.00 in Blaby).", Words(line.TextContent));
        Assert.Equal("compare?year=2023-24&quarter=1&measure=asb", line.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_meeting_has_a_comparison_slide_and_the_pack_a_comparison_section()
    {
        var plans = Database.Services.GetRequiredService<CommunitySafety.Data.ActionPlan.IActionPlanService>();
        var overview = await Database.Figures.GetOverviewAsync();
        var q1 = new FinancialQuarter(2023, 1);

        var meeting = await CommunitySafety.Dashboard.Components.Pages.Meeting.MeetingFigures.LoadAsync(Database.Figures, plans, overview, q1, CancellationToken.None);
        var slide = Assert.Single(meeting.Slides, s => s.Kind == CommunitySafety.Dashboard.Components.Pages.Meeting.SlideKind.Comparison);
        Assert.Equal(("Against similar areas", "Per 1,000 residents, year to date, against Blaby"), (slide.Title, slide.Subtitle));
        Assert.Equal(4, meeting.Slides.ToList().IndexOf(slide)); // after the beats
        Assert.Equal(["Harborough", "Blaby", "Melton"], meeting.SimilarAreasChart!.Categories);

        Services.AddSingleton(plans);
        Services.AddSingleton(Database.Services.GetRequiredService<CommunitySafety.Data.Import.ImportService>());
        GoTo("report?year=2023-24&quarter=1");
        var report = Render<CommunitySafety.Dashboard.Components.Pages.Report.ReportPage>();
        report.WaitForAssertion(() => Assert.NotEmpty(report.FindAll(".similar-areas-table")), TimeSpan.FromSeconds(10));
        var row = report.Find(".similar-areas-table tbody tr");
        Assert.Equal("ASB | 4.00 | 2.86 to 5.45 | 10.00 | lower than similar areas", string.Join(" | ", row.Children.Select(c => Words(c.TextContent))));
    }

    [Fact]
    public void Only_a_Manager_is_offered_the_choice_of_group()
    {
        Authorization.SetAuthorized("Vera Viewer");
        Authorization.SetRoles(CommunitySafety.Data.Model.Roles.Viewer);
        Authorization.SetPolicies(CommunitySafety.Dashboard.Services.Access.Policies.View);

        Assert.Empty(Open().FindAll(".group-choice"));
    }

    [Fact]
    public async Task A_Manager_chooses_the_group_which_is_kept_audited_and_used()
    {
        Authorization.SetAuthorized("Mona Manager");
        Authorization.SetRoles(CommunitySafety.Data.Model.Roles.Manager);
        Authorization.SetPolicies(CommunitySafety.Dashboard.Services.Access.Policies.View, CommunitySafety.Dashboard.Services.Access.Policies.Manage);
        var page = Open();

        page.FindAll(".group-choice input[type=checkbox]")[1].Change(true); // Melton
        page.FindAll(".group-choice button").Single(b => b.TextContent.Contains("Keep this group")).Click();

        page.WaitForAssertion(() => Assert.Contains("Kept: Harborough is compared with Melton.", page.Find(".group-choice").TextContent));
        page.WaitForAssertion(() => Assert.Equal("The group, chosen by a Manager: Melton.", Words(page.Find(".comparison-group").TextContent)));
        Assert.Equal(["Melton"], await Database.Figures.GetGroupAsync(null));
        var audit = await new CommunitySafety.Data.Audit.AuditLog(Database.DbFactory, TimeProvider.System).QueryAsync(new(Kind: CommunitySafety.Data.Audit.AuditKinds.ComparisonGroup));
        Assert.Equal(("Mona Manager", "Harborough compared with Melton"), (Assert.Single(audit).Person, audit[0].What));
    }

    [Fact]
    public void Another_area_is_compared_with_its_own_group()
    {
        var page = Open("compare?year=2023-24&quarter=1&area=Blaby");

        Assert.Equal("Blaby's ASB rate, 10.00 per 1,000 residents, is higher than its group's, 4.00.", Words(page.Find(".comparison-verdict").TextContent));
    }
}

/// <summary>Without a population the page says so in a sentence and never shows a rate of zero.</summary>
public class ComparePageWithoutPopulationTests : ComparePageContext
{
    protected override bool WithPopulation => false;

    [Fact]
    public void Without_a_population_the_page_says_so_and_shows_no_rate()
    {
        var page = Open();

        Assert.Equal("Harborough has no population, so its ASB rate cannot be compared.", Words(page.Find(".comparison-verdict").TextContent));
        Assert.Contains("The dashboard has no population for Harborough", Words(page.Find(".no-population").TextContent));
        var own = page.Find(".comparison-table tr[data-area='Harborough']").QuerySelectorAll("td").Select(td => Words(td.TextContent)).ToList();
        Assert.Equal(["40", "20", "+100.0%", "no population", "no population", "", ""], own);
        Assert.DoesNotContain("0.00", page.Find(".comparison-table").TextContent);
    }

    [Fact]
    public async Task Without_a_population_the_meeting_has_no_comparison_slide()
    {
        var plans = Database.Services.GetRequiredService<CommunitySafety.Data.ActionPlan.IActionPlanService>();
        var meeting = await CommunitySafety.Dashboard.Components.Pages.Meeting.MeetingFigures.LoadAsync(
            Database.Figures, plans, await Database.Figures.GetOverviewAsync(), new FinancialQuarter(2023, 1), CancellationToken.None);

        Assert.DoesNotContain(meeting.Slides, s => s.Kind == CommunitySafety.Dashboard.Components.Pages.Meeting.SlideKind.Comparison);
    }

    [Fact]
    public void Without_a_population_the_overview_has_no_comparison_lines()
    {
        GoTo("?year=2023-24&quarter=1");
        Render<MudPopoverProvider>();
        var page = Render<CommunitySafety.Dashboard.Components.Pages.Overview.OverviewPage>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".measure-card").Count), TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll(".similar-areas"));
    }
}
