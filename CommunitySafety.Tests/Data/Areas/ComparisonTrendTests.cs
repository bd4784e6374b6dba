using CommunitySafety.Data.Figures;

namespace CommunitySafety.Tests.Data.Areas;

/// <summary>An area's rate against its group's over time, and any kept area's overview and trends.</summary>
public class ComparisonTrendTests
{
    private static readonly FinancialQuarter Q1 = new(2023, 1);

    [Fact]
    public async Task Each_quarters_rate_is_its_count_over_that_years_population_and_the_group_leaves_out_areas_without_one()
    {
        await using var db = await ComparisonData.CreateAsync();

        var trend = await db.Figures.GetComparisonTrendAsync(new ComparisonRequest(Q1, "asb"), new FinancialQuarter(2022, 1), Q1);

        Assert.Equal("Harborough", trend.Area);
        Assert.Equal(["Blaby", "Melton"], trend.Group);
        Assert.Equal(5, trend.Points.Count);
        Assert.Equal(new ComparisonTrendPoint("2022-23 Q1", "Q1 2022-23", 2.00, 6.00), trend.Points[0]);
        Assert.Equal(new ComparisonTrendPoint("2023-24 Q1", "Q1 2023-24", 4.00, 10.00), trend.Points[^1]);
        Assert.Equal(new ComparisonTrendPoint("2022-23 Q2", "Q2 2022-23", null, null), trend.Points[1]); // no data that quarter
    }

    [Fact]
    public async Task A_comparison_is_worked_out_once_per_version_of_the_data()
    {
        await using var db = await ComparisonData.CreateAsync(withPopulation: false);
        var request = new ComparisonRequest(Q1, "asb");

        var first = await db.Figures.GetComparisonAsync(request);
        Assert.Same(first, await db.Figures.GetComparisonAsync(request with { Measure = " ASB " }));
        Assert.Null(first.Area.Rate);

        var population = await db.Importer.ImportAsync(new CommunitySafety.Data.Import.ImportRequest(
            [CommunitySafety.Data.Import.UploadedFile.FromPath(db.WriteFile("population.csv", TestDatabase.Lines("Area,Population", "Harborough,10000", "Blaby,20000")))],
            CommunitySafety.Data.Model.ImportFormat.Population, ImportedBy: "test"));
        Assert.Equal(CommunitySafety.Data.Import.ImportOutcome.Imported, population.Outcome);
        var after = await db.Figures.GetComparisonAsync(request);

        Assert.NotSame(first, after);
        Assert.Equal(4.00, after.Area.Rate);
        Assert.Equal(["Blaby", "Melton"], after.Group.Areas);
        await db.Figures.SetGroupAsync(null, ["Blaby"], "test");
        Assert.Equal(["Blaby"], (await db.Figures.GetComparisonAsync(request)).Group.Areas);
    }

    [Fact]
    public async Task The_trend_uses_the_group_a_Manager_chose()
    {
        await using var db = await ComparisonData.CreateAsync();
        await db.Figures.SetGroupAsync("Blaby", ["Harborough"], "test");

        var trend = await db.Figures.GetComparisonTrendAsync(new ComparisonRequest(Q1, "asb", "Blaby"), Q1, Q1);

        Assert.Equal(["Harborough"], trend.Group);
        Assert.Equal(new ComparisonTrendPoint("2023-24 Q1", "Q1 2023-24", 10.00, 4.00), Assert.Single(trend.Points));
    }

    [Fact]
    public async Task Without_a_population_there_is_no_rate_never_a_zero()
    {
        await using var db = await ComparisonData.CreateAsync(withPopulation: false);

        var trend = await db.Figures.GetComparisonTrendAsync(new ComparisonRequest(Q1, "asb"), Q1, Q1);

        Assert.Equal(new ComparisonTrendPoint("2023-24 Q1", "Q1 2023-24", null, null), Assert.Single(trend.Points));
    }

    [Fact]
    public async Task Any_kept_areas_overview_and_trend_are_its_own_and_an_area_not_kept_has_none()
    {
        await using var db = await ComparisonData.CreateAsync();

        var blaby = await db.Figures.GetAreaOverviewAsync("Blaby");
        Assert.Equal(["Blaby 001"], blaby!.Beats);
        var asb = await db.Figures.GetAreaTrendAsync("Blaby", "asb", null, TrendGranularity.Month, TestMonths.M("2023-04"), TestMonths.M("2023-04"));
        Assert.Equal(200, Assert.Single(asb!.Points).Count);
        Assert.Null(await db.Figures.GetAreaOverviewAsync("Leicester"));
        Assert.Null(await db.Figures.GetAreaTrendAsync("Leicester", "asb", null, TrendGranularity.Month));
        Assert.Equal(["Harborough 001"], (await db.Figures.GetAreaOverviewAsync(null))!.Beats);
    }
}
