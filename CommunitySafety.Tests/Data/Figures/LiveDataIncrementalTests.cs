using CommunitySafety.Data;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Model;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Tests.Data.Figures;

/// <summary>
/// A version of the live data built after a change keeps the previous version's groups and trend counts of every month
/// the change left alone, and groups only the months it replaced; its beats, crime types, trends and summaries equal
/// those worked out afresh over every fact.
/// </summary>
public sealed class LiveDataIncrementalTests
{
    private static readonly string[] Types = ["Arson", "Burglary", "Criminal Damage", "Theft", "Violence"];
    private static readonly string[] Places = ["Street", "Residential", "Shop"];
    private static readonly YearMonth June = new(2023, 6);

    private static List<MonthlyFact> MonthOf(YearMonth month, Random random, int beats = 40, params string[] extraTypes)
    {
        var facts = new List<MonthlyFact>();
        string[] types = [.. Types, .. extraTypes];
        for (var beat = 0; beat < beats; beat++)
            for (var i = random.Next(0, 6); i > 0; i--)
            {
                var category = random.Next(3) switch { 0 => Category.Asb, 1 => Category.Crime, _ => Category.Incident };
                facts.Add(new MonthlyFact(month, $"Beat {beat}", category, category == Category.Crime ? types[random.Next(types.Length)] : null,
                    Places[random.Next(Places.Length)], random.Next(4) == 0, random.Next(1, 30)));
            }
        return facts;
    }

    private static readonly IReadOnlyList<YearMonth> Months = YearMonth.Range(new YearMonth(2019, 4), new YearMonth(2024, 3)).ToList();

    // Some months have no data, some no domestic flag (as police.uk months).
    private static readonly IReadOnlyList<MonthCoverage> Coverage =
        Months.Where(m => m.Month != 8).Select(m => new MonthCoverage(m, m.Year != 2021, true)).ToList();

    /// <summary>The read after an import that replaced one month's facts: every other month is the previous read's own list.</summary>
    private static LiveRead Replacing(LiveRead previous, YearMonth month, List<MonthlyFact> facts)
    {
        var months = previous.Months.ToDictionary();
        months[month] = facts;
        return previous with { Months = months };
    }

    [Fact]
    public void After_an_import_and_its_undo_only_the_month_replaced_is_grouped_and_the_figures_equal_a_full_build()
    {
        var random = new Random(15);
        var facts = Months.SelectMany(m => MonthOf(m, random)).ToList();
        var first = new LiveData(1, facts, Coverage, false, PopulationTable.Empty);
        Assert.Equal(Months.Count, first.MonthsGrouped);

        // June imported again, with a beat and a crime type no other month has.
        var newJune = MonthOf(June, new Random(99), beats: 41, "Robbery");
        var imported = new LiveData(2, Replacing(first.Read, June, newJune), PopulationTable.Empty, first);
        Assert.Equal(1, imported.MonthsGrouped);
        Assert.Contains("Beat 40", imported.Beats);
        Assert.Contains("Robbery", imported.CrimeTypes);
        AssertSameAsFullBuild(imported, facts.Where(f => f.Month != June).Concat(newJune).ToList());

        // The import undone: June's first facts come back, read again as a list of their own.
        var undone = new LiveData(3, Replacing(imported.Read, June, facts.Where(f => f.Month == June).ToList()), PopulationTable.Empty, imported);
        Assert.Equal(1, undone.MonthsGrouped);
        Assert.DoesNotContain("Beat 40", undone.Beats);
        Assert.DoesNotContain("Robbery", undone.CrimeTypes);
        AssertSameAsFullBuild(undone, facts);
    }

    [Fact]
    public void A_change_that_names_no_new_beat_or_crime_type_keeps_the_same_lists_and_unchanged_months_are_never_regrouped()
    {
        var random = new Random(7);
        var facts = Months.SelectMany(m => MonthOf(m, random)).ToList();
        var first = new LiveData(1, facts, Coverage, false, PopulationTable.Empty);

        var next = new LiveData(2, Replacing(first.Read, June, MonthOf(June, new Random(8))), PopulationTable.Empty, first);
        var same = new LiveData(3, next.Read, PopulationTable.Empty, next);

        Assert.Same(first.Beats, next.Beats);
        Assert.Same(first.CrimeTypes, next.CrimeTypes);
        Assert.Equal(1, next.MonthsGrouped);
        Assert.Equal(0, same.MonthsGrouped);
    }

    /// <summary>Beats, crime types, every trend and every summary against a build over all the facts and the calculation over them.</summary>
    private static void AssertSameAsFullBuild(LiveData live, List<MonthlyFact> facts)
    {
        var full = new LiveData(99, facts, Coverage, false, PopulationTable.Empty);
        Assert.Equal(full.Beats, live.Beats);
        Assert.Equal(full.CrimeTypes, live.CrimeTypes);
        Assert.Equal(facts.Select(f => f.Beat).Distinct().Order(StringComparer.OrdinalIgnoreCase), live.Beats);

        var from = new YearMonth(2019, 4);
        var to = new YearMonth(2024, 3);
        foreach (var beat in live.Beats.Append(null).Append("no such beat"))
            foreach (var measure in TrendCalculator.KnownMeasures(facts))
                foreach (var by in new[] { TrendGranularity.Month, TrendGranularity.Quarter })
                {
                    var expected = TrendCalculator.Build(facts, Coverage, measure, beat, by, from, to);
                    var actual = TrendCalculator.Build(live.Trends, live.CoverageMap, live.MeasureNamed(measure)!, beat,
                        beat is null ? null : live.BeatNamed(beat), by, from, to);
                    Assert.Equal(expected.Measure, actual.Measure);
                    Assert.Equal(expected.Points, actual.Points);
                }

        foreach (var period in new[] { new FinancialQuarter(2023, 1), new FinancialQuarter(2023, 4), new FinancialQuarter(2022, 2) })
            foreach (var beat in live.Beats.Append(null))
            {
                var options = FiguresOptions.Default with { Area = beat ?? "Harborough" };
                var expected = SummaryCalculator.Calculate(period, facts.Where(f => beat is null || f.Beat == beat).ToList(), Coverage, options);
                var actual = live.Calculate(period, beat, options);
                Assert.Equal(SummaryJson.Serialize(expected), SummaryJson.Serialize(actual));
                Assert.Equal(expected.NarrativeSections.Asb, actual.NarrativeSections.Asb);
                Assert.Equal(expected.NarrativeSections.Crime, actual.NarrativeSections.Crime);
            }
    }

    private static string Extract(params string[] rows) => TestDatabase.Lines(["Month,Beat,Category,Type,LocationType,Domestic,Count", .. rows]);

    [Fact]
    public async Task Through_the_service_an_import_and_its_undo_group_one_month_each_and_every_figure_equals_the_calculation_over_all_facts()
    {
        await using var db = await TestDatabase.CreateAsync();
        db.Services.GetRequiredService<DataVersion>().Seen(await DataChangeFeed.LatestIdAsync(db.DbFactory));
        var figures = (FiguresService)db.Figures;
        await db.ImportOkAsync(db.WriteFile("a.csv", Extract(
            "2022-04,North,ASB,,Street,N,5", "2022-05,North,Crime,Arson,Street,N,3", "2022-06,Town,Crime,Theft,Shop,Y,4",
            "2023-04,North,ASB,,Park,N,6", "2023-05,Town,Crime,Arson,Street,Y,2", "2023-06,Town,ASB,,Street,N,4", "2023-06,North,Crime,Theft,Shop,N,7")));
        await AssertEqualsCalculationOverAllFactsAsync(db, figures);
        Assert.Equal(6, figures.MonthsGrouped);

        // June again, with a beat and a crime type of its own.
        var june = await db.ImportOkAsync(db.WriteFile("b.csv", Extract("2023-06,Town,ASB,,Street,N,9", "2023-06,Harbour,Crime,Robbery,Street,Y,1")));
        await AssertEqualsCalculationOverAllFactsAsync(db, figures);
        Assert.Equal(7, figures.MonthsGrouped);
        Assert.Equal(["Harbour", "North", "Town"], (await figures.GetOverviewAsync()).Beats);

        Assert.True((await db.Importer.UndoAsync(june.ImportId!.Value)).Done);
        await AssertEqualsCalculationOverAllFactsAsync(db, figures);
        Assert.Equal(8, figures.MonthsGrouped);
        Assert.Equal(["North", "Town"], (await figures.GetOverviewAsync()).Beats);
    }

    private static async Task AssertEqualsCalculationOverAllFactsAsync(TestDatabase db, FiguresService figures)
    {
        await using var context = await db.DbFactory.CreateDbContextAsync();
        var (facts, coverage, _) = await LiveFacts.ReadAsync(context, CancellationToken.None);
        var settings = db.Services.GetRequiredService<DataSettings>();
        var overview = await figures.GetOverviewAsync();
        Assert.Equal(facts.Select(f => f.Beat).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase), overview.Beats);
        Assert.Equal(TrendCalculator.KnownMeasures(facts).Skip(TrendCalculator.FixedMeasures.Count), overview.CrimeTypes);

        foreach (var period in overview.Quarters)
            foreach (var beat in overview.Beats.Append(null).Append("Nowhere"))
            {
                var options = new FiguresOptions { Area = beat ?? settings.Area, LargestIncreaseThreshold = settings.LargestIncreaseThreshold };
                var expected = SummaryCalculator.Calculate(period, facts.Where(f => beat is null || f.Beat == beat).ToList(), coverage, options);
                Assert.Equal(SummaryJson.Serialize(expected), SummaryJson.Serialize(await figures.GetSummaryAsync(period, beat)));
                foreach (var type in overview.CrimeTypes)
                    Assert.Equal(
                        SummaryCalculator.Calculate(period, facts.Where(f => f.CrimeType == type && (beat is null || f.Beat == beat)).ToList(), coverage, options).LocationTypes.Crime,
                        await figures.GetCrimeTypeLocationTypesAsync(period, type, beat));
            }

        var from = coverage.Min(c => c.Month);
        var to = coverage.Max(c => c.Month);
        foreach (var beat in overview.Beats.Append(null).Append("Nowhere"))
            foreach (var measure in TrendCalculator.KnownMeasures(facts))
                foreach (var by in new[] { TrendGranularity.Month, TrendGranularity.Quarter })
                {
                    var expected = TrendCalculator.Build(facts, coverage, measure, beat, by, from, to);
                    foreach (var actual in new[] { await figures.GetTrendAsync(measure, beat, by), await figures.GetAreaTrendAsync(null, measure, beat, by) })
                    {
                        Assert.Equal(expected.Measure, actual!.Measure);
                        Assert.Equal(expected.Beat, actual.Beat);
                        Assert.Equal(expected.Points, actual.Points);
                    }
                }
    }
}
