using CommunitySafety.Tests.Data;
using CommunitySafety.Data.ActionPlan;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Model;
using CommunitySafety.Data;
using CommunitySafety.Data.Storage;

namespace CommunitySafety.Tests.Data.ActionPlan;

/// <summary>The plan beside the sample data's figures, and editing the returns, on a database of each test's own.</summary>
public class ActionPlanServiceTests
{
    /// <summary>SQLite here; <see cref="ActionPlanServiceOnPostgreSqlTests"/> runs every test again on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private Task<PlanDatabase> CreatePlanDatabaseAsync(bool withPlan = true, bool withSampleData = true) =>
        PlanDatabase.CreateAsync(withPlan, withSampleData, Provider);

    private static readonly FinancialQuarter Q1 = new(2023, 1);

    private static ActionView Action(PlanView plan, string start) =>
        plan.Priorities.SelectMany(p => p.Objectives).SelectMany(o => o.Actions).Single(a => a.Text.StartsWith(start, StringComparison.Ordinal));

    private static ReturnEdit EditOf(ReturnRowView row, string? rag = null, string? cost = null) => new(
        row.ProjectId, row.Quarter, row.Version, row.Row.Rationale, row.Row.ActivitiesToDate, row.Row.SuccessMeasuresProposed,
        row.Row.SuccessToDate, cost ?? row.Row.CostToDate?.ToString(), row.Row.CostBreakdown, rag ?? RagWords.CellWord(row.Row.Rag), row.Row.Notes);

    private static ReturnRowView Row(ReturnsView returns, int quarter, string project) =>
        returns.Quarters.Single(q => q.Quarter == quarter).Rows.Single(r => r.Row.Project.StartsWith(project, StringComparison.Ordinal));

    [Fact]
    public async Task The_redeployable_cctv_action_shows_asb_down_25_1_percent_at_2023_24_q1()
    {
        await using var database = await CreatePlanDatabaseAsync();
        var plan = (await database.Plans.GetPlanAsync(Q1, new PlanFilter()))!;

        var cctv = Action(plan, "Use of re –deployable CCTV");
        var asb = cctv.Figures.Single(f => f.Label == "ASB");
        Assert.Equal(-25.1, asb.Measure!.ChangePercent);
        Assert.Equal(ActionPlanService.TrendQuarters, asb.Trend!.Points.Count);
        Assert.Equal("Q1 2023-24", asb.Trend.Points[^1].Label);
        Assert.Equal("Re-deployable CCTV", cctv.Project!.Project);
        Assert.Contains(cctv.Figures, f => f.Label == "ASB in Harborough Town" && f.Measure is not null);
        Assert.Contains(cctv.Figures, f => f.Label == "Public Order Offences" && f.Measure is not null);
    }

    [Fact]
    public async Task Links_resolve_to_the_summarys_own_figures()
    {
        await using var database = await CreatePlanDatabaseAsync();
        var plan = (await database.Plans.GetPlanAsync(Q1, new PlanFilter()))!;
        var summary = await new FiguresService(database.DbFactory, new CommunitySafety.Data.DataSettings("unused")).GetSummaryAsync(Q1);

        var people = plan.Priorities[0];
        Assert.Equal(summary.Domestic, people.HeadlineIndicators[0].Figures.Single().Measure);
        Assert.Equal(6.3, people.HeadlineIndicators[0].Figures.Single().Measure!.ChangePercent);
        var openSpace = plan.Priorities[1].Objectives[0].Figures.Single(f => f.Link.Kind == MeasureKind.LocationType);
        Assert.Equal("ASB at Open Space locations", openSpace.Label);
        Assert.Equal(summary.LocationTypes.Asb.Single(l => l.Name == "Open Space").Current, openSpace.Measure!.Current);
        Assert.Null(openSpace.Trend);
        var roads = plan.Priorities[1].Objectives.Single(o => o.Text.Contains("Fatal Four", StringComparison.Ordinal));
        Assert.Empty(roads.Figures);
        Assert.StartsWith("No police measure", roads.MeasureNote);
    }

    [Fact]
    public async Task Filters_by_priority_lead_rag_and_figures_getting_worse()
    {
        await using var database = await CreatePlanDatabaseAsync();
        var all = (await database.Plans.GetPlanAsync(Q1, new PlanFilter()))!;
        Assert.Equal(47, all.ActionsShown);

        var places = (await database.Plans.GetPlanAsync(Q1, new PlanFilter(Priority: 2)))!;
        Assert.Equal("Places", Assert.Single(places.Priorities).Name);

        var police = (await database.Plans.GetPlanAsync(Q1, new PlanFilter(Lead: "police")))!;
        Assert.All(police.Priorities.SelectMany(p => p.Objectives).SelectMany(o => o.Actions),
            a => Assert.Contains("police", a.Lead!, StringComparison.OrdinalIgnoreCase));

        var notRated = (await database.Plans.GetPlanAsync(Q1, new PlanFilter(Rag: RagWords.NotRated)))!;
        Assert.Equal(8, notRated.ActionsShown); // every project but the Response Fund delivers one action; none is rated yet

        var worse = (await database.Plans.GetPlanAsync(Q1, new PlanFilter(GettingWorse: true)))!;
        Assert.InRange(worse.ActionsShown, 1, 46);
        Assert.All(worse.Priorities.SelectMany(p => p.Objectives),
            o => Assert.All(o.Actions, a => Assert.Contains(a.Figures.Count > 0 ? a.Figures : o.Figures, f => f.GettingWorse)));
    }

    [Fact]
    public async Task A_saved_return_is_a_new_version_with_who_and_when_and_a_change_for_open_pages()
    {
        await using var database = await CreatePlanDatabaseAsync();
        var returns = (await database.Plans.GetReturnsAsync("2023-24"))!;
        Assert.Equal(2, returns.OpenQuarter);
        var row = Row(returns, 2, "Target Hardening");

        var outcome = await database.Plans.SaveReturnAsync("2023-24", EditOf(row, rag: "amber", cost: "£1,250.50"), TestPeople.Manager("Sarah Pickering"));

        Assert.True(outcome.Saved, string.Join(" ", outcome.Problems));
        var saved = Row((await database.Plans.GetReturnsAsync("2023-24"))!, 2, "Target Hardening");
        Assert.Equal((2, Rag.Amber, 1250.50m, "Sarah Pickering"), (saved.Version, saved.Row.Rag, saved.Row.CostToDate, saved.SavedBy));
        Assert.Equal("Q2 return for Target Hardening updated by Sarah Pickering", (await database.ChangesAsync())[^1]);
    }

    [Fact]
    public async Task Refuses_a_wrong_cost_or_rag_with_a_sentence_each_and_saves_nothing()
    {
        await using var database = await CreatePlanDatabaseAsync();
        var row = Row((await database.Plans.GetReturnsAsync("2023-24"))!, 2, "Campaigns");

        var outcome = await database.Plans.SaveReturnAsync("2023-24", EditOf(row, rag: "Purple", cost: "-5"), TestPeople.Manager("Dashboard user"));

        Assert.False(outcome.Saved);
        Assert.Equal(
            ["The cost to date cannot be less than £0: it is the total spent on the project so far.",
             "The RAG 'Purple' is not one the OPCC uses: choose Red, Amber or Green, or leave it empty."],
            outcome.Problems);
        Assert.Equal(1, Row((await database.Plans.GetReturnsAsync("2023-24"))!, 2, "Campaigns").Version);
    }

    [Theory]
    [InlineData("2107", true)]
    [InlineData("£2,107.50", true)]
    [InlineData("", true)]
    [InlineData("two thousand", false)]
    [InlineData("12.345", false)]
    [InlineData("-0.01", false)]
    public void Cost_is_money_of_at_least_nothing(string text, bool valid) =>
        Assert.Equal(valid, ReturnEditing.TryParseCost(text, out _, out _));

    [Fact]
    public async Task Earlier_quarters_are_kept_as_they_were_sent()
    {
        await using var database = await CreatePlanDatabaseAsync();
        var row = Row((await database.Plans.GetReturnsAsync("2023-24"))!, 1, "Campaigns");

        var outcome = await database.Plans.SaveReturnAsync("2023-24", EditOf(row, rag: "Green"), TestPeople.Manager("Dashboard user"));

        Assert.False(outcome.Saved);
        Assert.Equal("The Q1 return has been sent to the OPCC and is kept as it was sent. Only the Q2 return can be changed.", Assert.Single(outcome.Problems));
    }

    [Fact]
    public async Task A_save_over_someone_elses_newer_save_is_refused()
    {
        await using var database = await CreatePlanDatabaseAsync();
        var row = Row((await database.Plans.GetReturnsAsync("2023-24"))!, 2, "Bystander Training");
        Assert.True((await database.Plans.SaveReturnAsync("2023-24", EditOf(row, rag: "Green"), TestPeople.Manager("First officer"))).Saved);

        var late = await database.Plans.SaveReturnAsync("2023-24", EditOf(row, rag: "Red"), TestPeople.Manager("Second officer"));

        Assert.False(late.Saved);
        Assert.StartsWith("First officer saved this row at", Assert.Single(late.Problems));
    }

    [Fact]
    public async Task Spend_is_the_running_costs_against_the_allocation()
    {
        await using var database = await CreatePlanDatabaseAsync();
        var returns = (await database.Plans.GetReturnsAsync("2023-24"))!;

        Assert.Equal((2529m, 37479.75m, 34950.75m), (returns.Spend.Total, returns.Spend.Allocation, returns.Spend.Remaining));
        Assert.Equal(1062m, returns.Quarters[0].Spend.Total);
        Assert.Equal(2107m, returns.Spend.Projects.Single(p => p.Project == "Campaigns").CostToDate);
    }

    [Fact]
    public async Task The_next_quarter_starts_from_the_last_and_the_last_becomes_read_only()
    {
        await using var database = await CreatePlanDatabaseAsync();
        Assert.True((await database.Plans.StartNextQuarterAsync("2023-24", TestPeople.Manager("Dashboard user"))).Saved);

        var returns = (await database.Plans.GetReturnsAsync("2023-24"))!;
        Assert.Equal(3, returns.OpenQuarter);
        var campaigns = Row(returns, 3, "Campaigns");
        Assert.Equal((2107m, (Rag?)null, (string?)null), (campaigns.Row.CostToDate, campaigns.Row.Rag, campaigns.Row.Notes));
        Assert.False(returns.Quarters.Single(q => q.Quarter == 2).IsOpen);
    }

    [Fact]
    public async Task A_new_year_copies_the_plan_and_links_but_not_the_returns()
    {
        await using var database = await CreatePlanDatabaseAsync();
        Assert.True((await database.Plans.StartNextYearAsync("2023-24", TestPeople.Manager("Dashboard user"))).Saved);

        Assert.Equal(["2024-25", "2023-24"], await database.Plans.GetYearsAsync());
        var next = (await database.Plans.GetPlanAsync(new FinancialQuarter(2024, 1), new PlanFilter()))!;
        Assert.Equal("2024-25", next.FinancialYear);
        Assert.Equal("Harborough Community Safety Partnership Action Plan for 2024-2025", next.Title);
        Assert.Equal(47, next.ActionsInPlan);
        var cctv = Action(next, "Use of re –deployable CCTV");
        Assert.Equal(3, cctv.Figures.Count);
        Assert.Equal(("Re-deployable CCTV", (int?)null), (cctv.Project!.Project, cctv.Project.Quarter));
        var returns = (await database.Plans.GetReturnsAsync("2024-25"))!;
        Assert.Null(returns.OpenQuarter);
        Assert.Empty(returns.Quarters);
        Assert.False((await database.Plans.StartNextYearAsync("2023-24", TestPeople.Manager("Dashboard user"))).Saved);
    }

    [Fact]
    public async Task The_plan_is_loaded_once_into_an_empty_database()
    {
        await using var database = await CreatePlanDatabaseAsync();
        Assert.False(await PlanLoader.LoadIfEmptyAsync(database.DbFactory, TimeProvider.System));
        Assert.Equal(["2023-24"], await database.Plans.GetYearsAsync());
        Assert.Contains("Action plan 2023-24 loaded", await database.ChangesAsync());
    }
}

public sealed class ActionPlanServiceOnPostgreSqlTests : ActionPlanServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
