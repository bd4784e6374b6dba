using CommunitySafety.Data;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Model;
using CommunitySafety.Tests.Data.SampleData;
using Microsoft.Extensions.DependencyInjection;
using SampleLoader = CommunitySafety.Data.Import.SampleData;

namespace CommunitySafety.Tests.Data.Figures;

/// <summary>
/// Figures are worked out once per version of the data and period and shared: every caller gets the same summary
/// until the data changes. The trends come from one pass over the facts and match the per-beat calculation.
/// </summary>
public sealed class FiguresSnapshotTests
{
    private static readonly FinancialQuarter Q1 = new(2023, 1);

    private static string Extract(params string[] rows) => TestDatabase.Lines(["Month,Beat,Category,Type,LocationType,Domestic,Count", .. rows]);

    /// <summary>A database whose change log is watched, as the web app's is: the version is known without reading it each call.</summary>
    private static async Task<(TestDatabase Db, FiguresService Figures)> WatchedAsync()
    {
        var db = await TestDatabase.CreateAsync();
        db.Services.GetRequiredService<DataVersion>().Seen(await DataChangeFeed.LatestIdAsync(db.DbFactory));
        return (db, (FiguresService)db.Figures);
    }

    [Fact]
    public async Task Callers_at_once_share_one_summary_worked_out_once_and_a_new_version_gives_a_new_one()
    {
        var (db, figures) = await WatchedAsync();
        await using var _ = db;
        await db.ImportOkAsync(db.WriteFile("a.csv", Extract("2022-04,North,ASB,,,N,5", "2023-04,North,ASB,,,N,6", "2023-04,Town,Crime,Arson,,N,2")));

        var together = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => figures.GetSummaryAsync(Q1))));
        var later = await figures.GetSummaryAsync(Q1);

        Assert.All(together, s => Assert.Same(together[0], s));
        Assert.Same(together[0], later);
        Assert.Equal(1, figures.SummariesCalculated);

        await db.ImportOkAsync(db.WriteFile("b.csv", Extract("2023-04,North,ASB,,,N,9")));
        var after = await figures.GetSummaryAsync(Q1);

        Assert.NotSame(together[0], after);
        Assert.Equal(9, after.Asb!.Current);
        Assert.Same(after, await figures.GetSummaryAsync(Q1));
        Assert.Equal(2, figures.SummariesCalculated);
    }

    [Fact]
    public async Task Names_of_no_area_asked_for_are_kept_only_up_to_a_bound()
    {
        var (db, figures) = await WatchedAsync();
        await using var _ = db;
        await db.ImportOkAsync(db.WriteFile("a.csv", Extract("2023-04,North,ASB,,,N,5")));

        // Anyone can type an address: a thousand and more made-up names must not each stay in memory.
        for (var i = 0; i < 1_100; i++) Assert.Null(await figures.GetAreaSummaryAsync($"Nowhere {i}", Q1));
        Assert.Null(await figures.GetAreaSummaryAsync("Nowhere 0", Q1));
        Assert.Null(await figures.GetAreaSummaryAsync("Nowhere 1099", Q1));

        Assert.Equal(1_100 + 1, figures.AreaLookups); // the first kept, the last past the bound asked again
    }

    [Fact]
    public async Task Pages_asking_at_once_after_a_change_share_one_read_of_the_areas_and_one_look_up_of_a_name()
    {
        var (db, figures) = await WatchedAsync();
        await using var _ = db;
        await db.ImportOkAsync(db.WriteFile("a.csv", Extract("2023-04,North,ASB,,,N,5")));

        // A change reaches every open page at once: they must not each go to the database for the same answer.
        var areas = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => figures.GetAreasAsync())));
        var nowhere = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => figures.GetAreaSummaryAsync("Nowhere", Q1))));

        Assert.All(areas, a => Assert.Same(areas[0], a));
        Assert.All(nowhere, Assert.Null);
        Assert.Equal(1, figures.AreaListsRead);
        Assert.Equal(1, figures.AreaLookups);

        await db.ImportOkAsync(db.WriteFile("b.csv", Extract("2023-05,North,ASB,,,N,5")));
        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => figures.GetAreasAsync())));
        Assert.Equal(2, figures.AreaListsRead);
    }

    [Fact]
    public async Task After_a_change_only_the_months_it_replaced_are_read_again_and_the_figures_equal_a_full_read()
    {
        var (db, figures) = await WatchedAsync();
        await using var _ = db;
        var first = await db.ImportOkAsync(db.WriteFile("a.csv", Extract(
            "2022-04,North,ASB,,,N,5", "2022-05,North,Crime,Arson,,N,3", "2023-04,North,ASB,,,N,6", "2023-05,Town,Crime,Arson,Street,Y,2", "2023-06,Town,ASB,,,N,4")));
        await figures.GetSummaryAsync(Q1);
        Assert.Equal(5, figures.FactsRead);

        // A file for June alone: June is read again, the other months are kept from the last read.
        var june = await db.ImportOkAsync(db.WriteFile("b.csv", Extract("2023-06,Town,ASB,,,N,9", "2023-06,Harbour,Crime,ARSON,,N,1")));
        var afterJune = await figures.GetSummaryAsync(Q1);
        Assert.Equal(7, figures.FactsRead);
        Assert.Equal(SummaryJson.Serialize(await FreshFigures(db).GetSummaryAsync(Q1)), SummaryJson.Serialize(afterJune));
        Assert.Equal(["Harbour", "North", "Town"], (await figures.GetOverviewAsync()).Beats);

        // Undoing it gives June back to the first import: June is read again, from that import.
        Assert.True((await db.Importer.UndoAsync(june.ImportId!.Value)).Done);
        var afterUndo = await figures.GetSummaryAsync(Q1);
        Assert.Equal(8, figures.FactsRead);
        Assert.Equal(SummaryJson.Serialize(await FreshFigures(db).GetSummaryAsync(Q1)), SummaryJson.Serialize(afterUndo));
        Assert.Equal(4 + 6, afterUndo.Asb!.Current);

        // Undoing the first leaves no month: nothing to read, and no figures.
        Assert.True((await db.Importer.UndoAsync(first.ImportId!.Value)).Done);
        Assert.Empty((await figures.GetOverviewAsync()).Quarters);
        Assert.Equal(8, figures.FactsRead);
        Assert.Equal(SummaryJson.Serialize(await FreshFigures(db).GetSummaryAsync(Q1)), SummaryJson.Serialize(await figures.GetSummaryAsync(Q1)));
    }

    /// <summary>Figures read afresh, with no earlier read to start from.</summary>
    private static FiguresService FreshFigures(TestDatabase db) =>
        new(db.DbFactory, db.Services.GetRequiredService<DataSettings>());

    [Fact]
    public async Task A_change_made_by_another_process_is_seen_when_the_watcher_tells_of_it()
    {
        var (db, figures) = await WatchedAsync();
        await using var _ = db;
        var version = db.Services.GetRequiredService<DataVersion>();
        await db.ImportOkAsync(db.WriteFile("a.csv", Extract("2022-04,North,ASB,,,N,5", "2023-04,North,ASB,,,N,6")));
        var before = await figures.GetSummaryAsync(Q1);

        // Another process's import: this process's importer does not know of it.
        await db.ImporterWith(new CommunitySafety.Data.Storage.SqliteImportWriter(db.ConnectionString)).ImportAsync(
            new CommunitySafety.Data.Import.ImportRequest([CommunitySafety.Data.Import.UploadedFile.FromPath(db.WriteFile("b.csv", Extract("2023-04,North,ASB,,,N,9")))]));
        version.Seen(await DataChangeFeed.LatestIdAsync(db.DbFactory));

        Assert.Equal(9, (await figures.GetSummaryAsync(Q1)).Asb!.Current);
        Assert.NotSame(before, await figures.GetSummaryAsync(Q1));
    }

    [Fact]
    public async Task The_overview_is_kept_per_version_and_names_each_beat_and_crime_type_once()
    {
        var (db, figures) = await WatchedAsync();
        await using var _ = db;
        await db.ImportOkAsync(db.WriteFile("a.csv", Extract(
            "2023-04,North,Crime,Arson,,N,1", "2023-05,North,Crime,arson,,N,1", "2023-04,Town,Crime,Theft,,N,1", "2023-04,town,ASB,,,N,1")));

        var overview = await figures.GetOverviewAsync();

        Assert.Equal(["North", "Town"], overview.Beats);
        Assert.Equal(["Arson", "Theft"], overview.CrimeTypes);
        Assert.Same(overview, await figures.GetOverviewAsync());
    }

    [Fact]
    public async Task The_sample_datas_beat_and_crime_type_trends_from_one_pass_equal_the_trends_worked_out_beat_by_beat()
    {
        await using var db = await TestDatabase.CreateAsync();
        Assert.True(await SampleLoader.LoadIfEmptyAsync(db.DbFactory, db.Importer, Path.Combine(LoadedSampleData.RepositoryRoot(), "data", "sample")));
        await using var context = await db.DbFactory.CreateDbContextAsync();
        var (facts, coverage, _) = await LiveFacts.ReadAsync(context, CancellationToken.None);

        await AssertTrendsMatchAsync(db.Figures, facts, coverage);
    }

    [Fact]
    public void A_generated_districts_trends_from_one_pass_equal_the_trends_worked_out_beat_by_beat()
    {
        var random = new Random(15);
        string[] types = ["Arson", "Burglary", "Criminal Damage", "Theft", "Violence"];
        string[] places = ["Street", "Residential", "Shop"];
        var facts = new List<MonthlyFact>();
        foreach (var month in YearMonth.Range(new YearMonth(2019, 4), new YearMonth(2024, 3)))
            for (var beat = 0; beat < 40; beat++)
                for (var i = random.Next(0, 6); i > 0; i--)
                {
                    var category = random.Next(3) switch { 0 => Category.Asb, 1 => Category.Crime, _ => Category.Incident };
                    facts.Add(new MonthlyFact(month, $"Beat {beat}", category, category == Category.Crime ? types[random.Next(types.Length)] : null,
                        places[random.Next(places.Length)], random.Next(4) == 0, random.Next(1, 30)));
                }
        // Some months have no data, some no domestic flag (as police.uk months).
        var coverage = YearMonth.Range(new YearMonth(2019, 4), new YearMonth(2024, 3)).Where(m => m.Month != 8)
            .Select(m => new MonthCoverage(m, m.Year != 2021, true)).ToList();
        var live = new LiveData(1, facts, coverage, false, new PopulationTable([]));

        foreach (var beat in live.Beats.Append(null).Append("no such beat"))
            foreach (var measure in TrendCalculator.KnownMeasures(facts))
                foreach (var by in new[] { TrendGranularity.Month, TrendGranularity.Quarter })
                {
                    var old = TrendCalculator.Build(facts, coverage, measure, beat, by, new YearMonth(2020, 1), new YearMonth(2024, 3));
                    var shared = TrendCalculator.Build(live.Trends, live.CoverageMap, live.MeasureNamed(measure)!, beat,
                        beat is null ? null : live.BeatNamed(beat), by, new YearMonth(2020, 1), new YearMonth(2024, 3));
                    AssertSameSeries(old, shared);
                }
    }

    /// <summary>What the beats and crime types pages ask for, through the service, against the calculation over each beat's facts.</summary>
    private static async Task AssertTrendsMatchAsync(IFiguresService figures, IReadOnlyList<MonthlyFact> facts, IReadOnlyList<MonthCoverage> coverage)
    {
        var overview = await figures.GetOverviewAsync();
        Assert.NotEmpty(overview.Beats);
        var from = coverage.Min(c => c.Month);
        var to = coverage.Max(c => c.Month);
        foreach (var beat in overview.Beats.Select(b => (string?)b).Append(null))
            foreach (var measure in TrendCalculator.KnownMeasures(facts))
                AssertSameSeries(
                    TrendCalculator.Build(facts, coverage, measure, beat, TrendGranularity.Quarter, from, to),
                    (await figures.GetTrendAsync(measure, beat, TrendGranularity.Quarter))!);

        var summary = await figures.GetSummaryAsync(Q1);
        foreach (var beat in summary.Beats)
        {
            var own = await figures.GetSummaryAsync(Q1, beat.Name.ToUpperInvariant());
            var old = FiguresTestData.Calculate(Q1, facts.Where(f => string.Equals(f.Beat, beat.Name, StringComparison.OrdinalIgnoreCase)), coverage,
                FiguresOptions.Default with { Area = beat.Name });
            Assert.Equal(Counts(old.Asb), Counts(own.Asb));
            Assert.Equal(Counts(old.Crime), Counts(own.Crime));
            Assert.Equal(Counts(beat.Crime), Counts(own.Crime));
            Assert.Equal(old.CrimeTypes.Select(t => (t.Name, t.Current, t.Previous)), own.CrimeTypes.Select(t => (t.Name, t.Current, t.Previous)));
        }
    }

    private static (int, int, double?)? Counts(Measure? measure) =>
        measure is null ? null : (measure.Current, measure.Previous, measure.ChangePercent);

    private static void AssertSameSeries(TrendSeries expected, TrendSeries actual)
    {
        Assert.Equal(expected.Measure, actual.Measure);
        Assert.Equal(expected.Beat, actual.Beat);
        Assert.Equal(expected.Points, actual.Points);
    }
}
