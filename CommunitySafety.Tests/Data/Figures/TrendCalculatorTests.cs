using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Model;
using static CommunitySafety.Tests.Data.Figures.FiguresTestData;

namespace CommunitySafety.Tests.Data.Figures;

public class TrendCalculatorTests
{
    private static TrendSeries Build(
        IEnumerable<MonthlyFact> facts, IEnumerable<MonthCoverage> coverage, string measure, TrendGranularity by,
        string from, string to, string? beat = null) =>
        TrendCalculator.Build(facts.ToList(), coverage.ToList(), measure, beat, by, M(from), M(to));

    [Fact]
    public void Monthly_points_are_null_for_months_without_data()
    {
        var facts = new[] { Asb("2023-01", "A", 3), Asb("2023-01", "B", 4), Asb("2023-03", "A", 5) };
        var coverage = Covered("2023-01", "2023-01").Concat(Covered("2023-03", "2023-04"));

        var series = Build(facts, coverage, "asb", TrendGranularity.Month, "2023-01", "2023-04");

        Assert.Equal(
        [
            new TrendPoint("2023-01", "Jan 2023", 7),
            new TrendPoint("2023-02", "Feb 2023", null),
            new TrendPoint("2023-03", "Mar 2023", 5),
            new TrendPoint("2023-04", "Apr 2023", 0),
        ],
        series.Points);
        Assert.Equal(new TrendSeries("asb", null, TrendGranularity.Month, series.Points), series);
    }

    [Fact]
    public void Domestic_is_null_in_police_uk_months_while_asb_is_counted()
    {
        var facts = new[] { Asb("2023-05", "A", 2), Incident("2023-04", "A", 6, domestic: true) };
        var coverage = Covered("2023-04", "2023-04").Concat(Covered("2023-05", "2023-05", domestic: false, location: false));

        var domestic = Build(facts, coverage, "domestic", TrendGranularity.Month, "2023-04", "2023-05");
        var asb = Build(facts, coverage, "asb", TrendGranularity.Month, "2023-04", "2023-05");

        Assert.Equal([6, null], domestic.Points.Select(p => p.Count));
        Assert.Equal([0, 2], asb.Points.Select(p => p.Count));
    }

    [Fact]
    public void Quarterly_points_cover_whole_quarters_including_quarter_four_across_the_year_end()
    {
        var facts = new[]
        {
            Crime("2023-10", "A", "Theft", 1), Crime("2023-12", "A", "Theft", 2),
            Crime("2024-01", "A", "Theft", 10), Crime("2024-03", "A", "Theft", 20), // March is outside the range but inside Q4
            Crime("2024-04", "A", "Theft", 100),
        };

        var series = Build(facts, Covered("2023-01", "2024-06"), "crime", TrendGranularity.Quarter, "2023-11", "2024-02");

        Assert.Equal(
        [
            new TrendPoint("2023-24 Q3", "Q3 2023-24", 3),
            new TrendPoint("2023-24 Q4", "Q4 2023-24", 30),
        ],
        series.Points);
        Assert.Equal(TrendGranularity.Quarter, series.By);
    }

    [Fact]
    public void A_partly_covered_quarter_counts_the_months_it_has_and_an_uncovered_one_is_null()
    {
        var facts = new[] { Asb("2023-04", "A", 4), Asb("2023-05", "A", 50), Asb("2023-07", "A", 9) };
        var coverage = Covered("2023-04", "2023-04").Concat(Covered("2023-06", "2023-06"));

        var series = Build(facts, coverage, "asb", TrendGranularity.Quarter, "2023-04", "2023-09");

        Assert.Equal([4, null], series.Points.Select(p => p.Count));
    }

    [Fact]
    public void A_beat_and_a_crime_type_match_whatever_their_case()
    {
        var facts = new[]
        {
            Crime("2023-04", "Harborough North", "Criminal Damage", 3),
            Crime("2023-04", "Harborough North", "Theft", 50),
            Crime("2023-04", "Lutterworth", "Criminal Damage", 7),
        };

        var series = Build(facts, Covered("2023-04", "2023-04"), "CRIMINAL damage", TrendGranularity.Month, "2023-04", "2023-04", beat: "harborough north");

        Assert.Equal("Criminal Damage", series.Measure);
        Assert.Equal("harborough north", series.Beat);
        Assert.Equal(3, Assert.Single(series.Points).Count);
    }

    [Fact]
    public void Measure_names_are_case_insensitive_and_reported_in_lower_case()
    {
        var series = Build([Asb("2023-04", "A", 1)], Covered("2023-04", "2023-04"), "ASB", TrendGranularity.Month, "2023-04", "2023-04");

        Assert.Equal("asb", series.Measure);
        Assert.Equal(1, series.Points[0].Count);
    }

    [Theory]
    [InlineData("asb", true)]
    [InlineData("Crime", true)]
    [InlineData("domestic", true)]
    [InlineData("criminal damage", true)]
    [InlineData("Burglary", false)] // a real crime type, but not in these facts
    [InlineData("asbx", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Knows_which_measures_it_can_chart(string? measure, bool known)
    {
        MonthlyFact[] facts = [Crime("2023-04", "A", "Criminal Damage", 1), Asb("2023-04", "A", 1)];

        Assert.Equal(known, TrendCalculator.IsKnownMeasure(measure, facts));
    }

    [Fact]
    public void Lists_the_measures_it_can_chart()
    {
        MonthlyFact[] facts = [Crime("2023-04", "A", "Theft", 1), Crime("2023-04", "A", "arson", 1), Crime("2023-05", "A", "THEFT", 1)];

        Assert.Equal(["asb", "crime", "domestic", "arson", "Theft"], TrendCalculator.KnownMeasures(facts));
    }

    [Fact]
    public void Refuses_an_unknown_measure_and_a_backwards_range()
    {
        Assert.Throws<ArgumentException>(() => Build([], [], "burglary", TrendGranularity.Month, "2023-04", "2023-05"));
        Assert.Throws<ArgumentException>(() => Build([], [], "asb", TrendGranularity.Month, "2023-05", "2023-04"));
    }

    [Fact]
    public void Quarterly_counts_agree_with_the_summary()
    {
        // The same ASB quarter seen by the trend and by the summary's year to date (Q1 only, so they coincide).
        var series = Build(ReportScenario.Facts, ReportScenario.Coverage, "asb", TrendGranularity.Quarter, "2023-04", "2023-06");

        Assert.Equal(ReportScenario.Calculate().Asb!.Current, series.Points.Single().Count);
    }
}
