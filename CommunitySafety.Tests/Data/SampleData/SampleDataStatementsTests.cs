using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Import;
using SampleLoader = CommunitySafety.Data.Import.SampleData;

namespace CommunitySafety.Tests.Data.SampleData;

/// <summary>
/// The repository's data/sample loaded once, the way the web app loads it on an empty database
/// (SampleData.LoadIfEmptyAsync), with the Q1 2023-24 summary and the quarterly ASB trend read from it.
/// </summary>
public sealed class LoadedSampleData : IAsyncLifetime
{
    private TestDatabase? _db;

    public TestDatabase Db => _db ?? throw new InvalidOperationException("not loaded");
    public Summary Summary { get; private set; } = null!;
    public TrendSeries QuarterlyAsb { get; private set; } = null!;
    public bool Loaded { get; private set; }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CommunitySafety.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No CommunitySafety.sln above {AppContext.BaseDirectory}.");
    }

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var folder = Path.Combine(RepositoryRoot(), "data", "sample");
        Loaded = await SampleLoader.LoadIfEmptyAsync(Db.DbFactory, Db.Importer, folder);
        Summary = await Db.Figures.GetSummaryAsync(new FinancialQuarter(2023, 1));
        QuarterlyAsb = (await Db.Figures.GetTrendAsync("asb", null, TrendGranularity.Quarter))!;
    }

    public async Task DisposeAsync()
    {
        if (_db is not null) await _db.DisposeAsync();
    }
}

/// <summary>The 11 statements of shared/spec/sample-data.md, one test each, against `summary --year 2023-24 --quarter 1`.</summary>
public class SampleDataStatementsTests(LoadedSampleData sample) : IClassFixture<LoadedSampleData>
{
    private Summary S => sample.Summary;

    [Fact]
    public async Task The_sample_loads_into_an_empty_database_as_complete_data_and_only_once()
    {
        Assert.True(sample.Loaded);
        Assert.True(S.DataComplete);
        Assert.Empty(S.MissingMonths);
        Assert.Equal(18, Assert.Single(await ImportHistory.ListAsync(sample.Db.DbFactory)).Files.Count);
        Assert.True((await sample.Db.Figures.GetOverviewAsync()).IsSampleData);
        // A second start finds data and loads nothing.
        Assert.False(await SampleLoader.LoadIfEmptyAsync(sample.Db.DbFactory, sample.Db.Importer, Path.Combine(LoadedSampleData.RepositoryRoot(), "data", "sample")));
    }

    [Fact]
    public void Statement_01_ASB_is_down_25_1_percent_on_the_previous_year_to_date() =>
        Assert.Equal(-25.1, S.Asb!.ChangePercent);

    [Fact]
    public void Statement_02_crime_is_down_2_8_percent_year_to_date() =>
        Assert.Equal(-2.8, S.Crime!.ChangePercent);

    [Fact]
    public void Statement_03_Criminal_Damage_saw_the_highest_percentage_increase_21_6_percent()
    {
        Assert.Equal("Criminal Damage", S.Headlines.LargestIncreaseCrimeType);
        Assert.Equal(21.6, S.CrimeTypes.Single(t => t.Name == "Criminal Damage").ChangePercent);
    }

    [Fact]
    public void Statement_04_Violence_Without_Injury_is_the_most_common_crime_type() =>
        Assert.Equal("Violence Without Injury", S.Headlines.MostCommonCrimeType);

    [Fact]
    public void Statement_05_Harborough_North_recorded_the_most_offences() =>
        Assert.Equal("Harborough North", S.Headlines.TopCrimeBeat);

    [Fact]
    public void Statement_06_Harborough_North_and_Harborough_Town_recorded_the_most_ASB() =>
        Assert.Equal(["Harborough North", "Harborough Town"], S.Headlines.TopAsbBeats!.Order());

    [Fact]
    public void Statement_07_Residential_is_the_location_type_with_most_ASB() =>
        Assert.Equal("Residential", S.Headlines.TopAsbLocationType);

    [Fact]
    public void Statement_08_domestic_incidents_are_up_6_3_percent() =>
        Assert.Equal(6.3, S.Domestic!.ChangePercent);

    [Fact]
    public void Statement_09_the_majority_of_domestic_incidents_are_in_a_dwelling()
    {
        var dwelling = S.LocationTypes.Domestic.Single(l => l.Name == "Dwelling").Current;
        Assert.True(dwelling * 2 > S.Domestic!.Current, $"Dwelling {dwelling} of {S.Domestic.Current} domestic is not over half");
    }

    [Fact]
    public void Statement_10_Harborough_North_had_the_most_domestic_incidents() =>
        Assert.Equal("Harborough North", S.Headlines.TopDomesticBeat);

    [Fact]
    public void Statement_11_ASB_in_Q1_is_a_four_year_low_though_up_on_the_previous_quarter()
    {
        int Asb(string period) => sample.QuarterlyAsb.Points.Single(p => p.Period == period).Count
                                  ?? throw new Xunit.Sdk.XunitException($"no ASB data for {period}");
        var q1ThisYear = Asb("2023-24 Q1");
        int[] earlierQ1s = [Asb("2020-21 Q1"), Asb("2021-22 Q1"), Asb("2022-23 Q1")];

        Assert.All(earlierQ1s, earlier => Assert.True(q1ThisYear < earlier, $"Q1 2023-24 ASB {q1ThisYear} is not below {earlier}"));
        Assert.True(q1ThisYear > Asb("2022-23 Q4"), $"Q1 2023-24 ASB {q1ThisYear} is not above Q4 2022-23 {Asb("2022-23 Q4")}");
        Assert.Equal(S.Asb!.Current, q1ThisYear); // the trend and the summary count the same thing
    }
}
