using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Model;
using static CommunitySafety.Tests.Data.Figures.FiguresTestData;

namespace CommunitySafety.Tests.Data.Figures;

public class SummaryCalculatorTests
{
    [Fact]
    public void Report_scenario_gives_the_reports_figures()
    {
        var s = ReportScenario.Calculate();

        Assert.Equal("Harborough", s.Area);
        Assert.Equal(new MonthSpan(M("2023-04"), M("2023-06")), s.Current);
        Assert.Equal(new MonthSpan(M("2022-04"), M("2022-06")), s.Previous);
        Assert.True(s.DataComplete);
        Assert.Empty(s.MissingMonths);
        Assert.Equal(new Measure(812, 1084, -272, -25.1, -8.86, Significance.Real), s.Asb);
        Assert.Equal(-2.8, s.Crime!.ChangePercent);
        Assert.Equal(6.3, s.Domestic!.ChangePercent);
        Assert.Equal(21.6, s.CrimeTypes.Single(t => t.Name == "Criminal Damage").ChangePercent);
        Assert.Equal("Violence Without Injury", s.Headlines.MostCommonCrimeType);
        Assert.Equal("Criminal Damage", s.Headlines.LargestIncreaseCrimeType);
        Assert.Equal(ReportScenario.North, s.Headlines.TopCrimeBeat);
        Assert.Equal(ReportScenario.North, s.Headlines.TopDomesticBeat);
        Assert.Equal("Residential", s.Headlines.TopAsbLocationType);
        Assert.Equal("Dwelling", s.Headlines.TopDomesticLocationType);
        Assert.Equal([ReportScenario.North, ReportScenario.Town], s.Headlines.TopAsbBeats);
    }

    [Fact]
    public void Facts_outside_both_periods_are_not_counted()
    {
        var s = CalculateQ1([Asb("2023-04", "A", 3), Asb("2023-07", "A", 50), Asb("2022-06", "A", 2), Asb("2022-03", "A", 50)]);

        Assert.Equal(3, s.Asb!.Current);
        Assert.Equal(2, s.Asb.Previous);
    }

    [Fact]
    public void Domestic_counts_every_flagged_fact_whatever_its_category()
    {
        var s = CalculateQ1(
        [
            Asb("2023-04", "A", 1, domestic: true),
            Crime("2023-05", "A", "Theft", 2, domestic: true),
            Incident("2023-06", "A", 4, domestic: true),
            Incident("2023-06", "A", 100),
            Crime("2022-04", "A", "Theft", 8, domestic: true),
        ]);

        Assert.Equal(7, s.Domestic!.Current);
        Assert.Equal(8, s.Domestic.Previous);
        Assert.Equal(1, s.Asb!.Current);
        Assert.Equal(2, s.Crime!.Current);
    }

    [Fact]
    public void Crime_types_group_whatever_the_case_and_keep_the_first_spelling()
    {
        var s = CalculateQ1(
        [
            Crime("2023-04", "A", "Criminal Damage", 2),
            Crime("2023-05", "B", "criminal damage", 3),
            Crime("2022-04", "A", "CRIMINAL DAMAGE", 4),
        ]);

        var type = Assert.Single(s.CrimeTypes);
        Assert.Equal(new NamedMeasure("Criminal Damage", 5, 4, 1, 25.0, 0.47, Significance.None), type);
    }

    [Fact]
    public void Crime_types_seen_in_either_period_are_listed_largest_first_then_by_name()
    {
        var s = CalculateQ1(
        [
            Crime("2023-04", "A", "Theft", 5),
            Crime("2023-04", "A", "burglary", 5),
            Crime("2023-04", "A", "Arson", 9),
            Crime("2022-04", "A", "Robbery", 7),
            Crime("2023-04", "A", null!, 40),
        ]);

        Assert.Equal(["Arson", "burglary", "Theft", "Robbery"], s.CrimeTypes.Select(t => t.Name));
        Assert.Equal(0, s.CrimeTypes[3].Current);
        Assert.Equal(59, s.Crime!.Current); // a crime without a type still counts as crime
    }

    [Fact]
    public void Missing_months_of_both_periods_are_named_in_order_and_the_data_is_incomplete()
    {
        var coverage = Covered("2022-04", "2022-05").Concat(Covered("2023-04", "2023-04"));

        var s = Calculate(Q(2023, 1), [Asb("2023-04", "A", 1)], coverage);

        Assert.False(s.DataComplete);
        Assert.Equal([M("2022-06"), M("2023-05"), M("2023-06")], s.MissingMonths);
        Assert.NotNull(s.Asb);
    }

    [Fact]
    public void Police_uk_months_cannot_answer_domestic_or_location_type_so_those_are_null_or_empty()
    {
        var coverage = Covered("2022-04", "2022-06", domestic: false, location: false)
            .Concat(Covered("2023-04", "2023-06", domestic: false, location: false));
        var facts = new[] { Asb("2023-04", "A", 3, "Residential"), Crime("2022-04", "A", "Theft", 2, "Street") };

        var s = Calculate(Q(2023, 1), facts, coverage);

        Assert.True(s.DataComplete);
        Assert.NotNull(s.Asb);
        Assert.NotNull(s.Crime);
        Assert.Null(s.Domestic);
        Assert.Empty(s.LocationTypes.Asb);
        Assert.Empty(s.LocationTypes.Crime);
        Assert.Empty(s.LocationTypes.Domestic);
        var beat = Assert.Single(s.Beats);
        Assert.NotNull(beat.Asb);
        Assert.Null(beat.Domestic);
        Assert.Null(s.Headlines.TopDomesticBeat);
        Assert.Null(s.Headlines.TopAsbLocationType);
        Assert.Null(s.Headlines.TopDomesticLocationType);
    }

    [Fact]
    public void Domestic_is_not_compared_where_only_one_period_can_answer_it()
    {
        // Last year came from police.uk (no domestic flag): "none last year" would be false, so there is no figure.
        var coverage = Covered("2022-04", "2022-06", domestic: false).Concat(Covered("2023-04", "2023-06"));

        var s = Calculate(Q(2023, 1), [Incident("2023-04", "A", 4, domestic: true), Asb("2023-04", "A", 1)], coverage);

        Assert.Null(s.Domestic);
        Assert.Null(Assert.Single(s.Beats).Domestic);
        Assert.NotNull(s.Asb);
        Assert.DoesNotContain(s.Narrative, sentence => sentence.Contains("domestic", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Domestic_is_not_compared_when_one_month_of_the_year_cannot_answer_it()
    {
        var coverage = Covered("2022-04", "2022-06").Concat(Covered("2023-04", "2023-05")).Concat(Covered("2023-06", "2023-06", domestic: false));

        var s = Calculate(Q(2023, 1), [Incident("2023-04", "A", 4, domestic: true), Incident("2022-04", "A", 5, domestic: true)], coverage);

        Assert.True(s.DataComplete);
        Assert.Null(s.Domestic);
    }

    [Fact]
    public void Nothing_covered_means_no_measures_and_no_headlines()
    {
        var s = Calculate(Q(2023, 1), [Asb("2023-04", "A", 3), Crime("2023-04", "A", "Theft", 1)], []);

        Assert.False(s.DataComplete);
        Assert.Equal(6, s.MissingMonths.Count);
        Assert.Null(s.Asb);
        Assert.Null(s.Crime);
        Assert.Null(s.Domestic);
        Assert.Empty(s.CrimeTypes);
        Assert.All(s.Beats, b => Assert.True(b.Asb is null && b.Crime is null && b.Domestic is null));
        Assert.Equal(new Headlines(null, null, null, null, null, null, null), s.Headlines);
    }

    [Fact]
    public void Empty_data_with_full_coverage_gives_zeros_and_null_headlines()
    {
        var s = CalculateQ1([]);

        Assert.Equal(new Measure(0, 0, 0, null, 0, Significance.None), s.Asb);
        Assert.Equal(new Measure(0, 0, 0, null, 0, Significance.None), s.Domestic);
        Assert.Empty(s.CrimeTypes);
        Assert.Empty(s.Beats);
        Assert.Equal(new Headlines(null, null, null, null, null, null, null), s.Headlines);
    }

    [Fact]
    public void Headlines_are_null_when_the_largest_current_count_is_zero()
    {
        var s = CalculateQ1(
        [
            Crime("2022-04", "A", "Theft", 3, "Street", domestic: true),
            Asb("2022-04", "A", 3, "Residential"),
        ]);

        Assert.Null(s.Headlines.MostCommonCrimeType);
        Assert.Null(s.Headlines.TopCrimeBeat);
        Assert.Null(s.Headlines.TopAsbBeats);
        Assert.Null(s.Headlines.TopDomesticBeat);
        Assert.Null(s.Headlines.TopAsbLocationType);
        Assert.Null(s.Headlines.TopDomesticLocationType);
    }

    [Fact]
    public void Location_types_are_per_measure_skip_blank_names_and_are_ordered()
    {
        var s = CalculateQ1(
        [
            Asb("2023-04", "A", 4, "Street"),
            Asb("2023-04", "A", 6, "residential"),
            Asb("2023-05", "A", 1, "Residential"),
            Asb("2023-05", "A", 9, null),
            Asb("2023-05", "A", 9, ""),
            Crime("2023-04", "A", "Theft", 2, "Shop"),
            Incident("2023-04", "A", 5, "Dwelling", domestic: true),
            Crime("2023-04", "A", "Theft", 1, "Street", domestic: true),
            Crime("2022-04", "A", "Theft", 3, "Dwelling", domestic: true),
        ]);

        Assert.Equal([("residential", 7), ("Street", 4)], s.LocationTypes.Asb.Select(l => (l.Name, l.Current)));
        Assert.Equal([("Shop", 2), ("Street", 1), ("Dwelling", 0)], s.LocationTypes.Crime.Select(l => (l.Name, l.Current)));
        Assert.Equal([("Dwelling", 5), ("Street", 1)], s.LocationTypes.Domestic.Select(l => (l.Name, l.Current)));
        Assert.Equal(3, s.LocationTypes.Domestic[0].Previous);
        Assert.Equal("residential", s.Headlines.TopAsbLocationType);
        Assert.Equal("Dwelling", s.Headlines.TopDomesticLocationType);
    }

    [Fact]
    public void Beats_include_any_beat_with_a_fact_and_are_ordered_by_current_crime_then_name()
    {
        var s = CalculateQ1(
        [
            Crime("2023-04", "Lutterworth", "Theft", 5),
            Crime("2023-04", "broughton Astley", "Theft", 5),
            Crime("2023-04", "Harborough North", "Theft", 9),
            Asb("2023-04", "Rural East", 50),
            Incident("2022-05", "Rural West", 1),
            Asb("2023-05", "LUTTERWORTH", 2),
        ]);

        Assert.Equal(
            ["Harborough North", "broughton Astley", "Lutterworth", "Rural East", "Rural West"],
            s.Beats.Select(b => b.Name));
        var lutterworth = s.Beats.Single(b => b.Name == "Lutterworth");
        Assert.Equal(2, lutterworth.Asb!.Current);
        Assert.Equal(0, s.Beats.Single(b => b.Name == "Rural West").Crime!.Current);
    }

    [Fact]
    public void Most_common_crime_type_ties_go_by_name()
    {
        var s = CalculateQ1([Crime("2023-04", "A", "Theft", 5), Crime("2023-04", "A", "burglary", 5), Crime("2023-04", "A", "Arson", 4)]);

        Assert.Equal("burglary", s.Headlines.MostCommonCrimeType);
    }

    [Fact]
    public void Largest_increase_ignores_crime_types_under_the_threshold()
    {
        var facts = new[]
        {
            Crime("2022-04", "A", "Arson", 9), Crime("2023-04", "A", "Arson", 27),   // +200% on 9
            Crime("2022-04", "A", "Theft", 10), Crime("2023-04", "A", "Theft", 11),  // +10% on 10
        };

        Assert.Equal("Theft", CalculateQ1(facts).Headlines.LargestIncreaseCrimeType);

        var lowerThreshold = Calculate(Q(2023, 1), facts, Covered("2022-04", "2023-06"), new FiguresOptions { LargestIncreaseThreshold = 9 });
        Assert.Equal("Arson", lowerThreshold.Headlines.LargestIncreaseCrimeType);
    }

    [Fact]
    public void Largest_increase_ties_go_to_the_larger_current_count_then_the_name()
    {
        var s = CalculateQ1(
        [
            Crime("2022-04", "A", "Theft", 10), Crime("2023-04", "A", "Theft", 12),        // +20%
            Crime("2022-04", "A", "Burglary", 20), Crime("2023-04", "A", "Burglary", 24),  // +20%, more crimes
            Crime("2022-04", "A", "Robbery", 20), Crime("2023-04", "A", "Robbery", 24),    // same again: name decides
        ]);

        Assert.Equal("Burglary", s.Headlines.LargestIncreaseCrimeType);
    }

    [Fact]
    public void Largest_increase_ties_on_the_rounded_percentage()
    {
        // 17/16 is +6.25% and 201/189 is +6.349%: both round to 6.3, so the larger current count wins.
        var s = CalculateQ1(
        [
            Crime("2022-04", "A", "Theft", 16), Crime("2023-04", "A", "Theft", 17),
            Crime("2022-04", "A", "Burglary", 189), Crime("2023-04", "A", "Burglary", 201),
        ]);

        Assert.Equal(6.3, s.CrimeTypes.Single(t => t.Name == "Theft").ChangePercent);
        Assert.Equal(6.3, s.CrimeTypes.Single(t => t.Name == "Burglary").ChangePercent);
        Assert.Equal("Burglary", s.Headlines.LargestIncreaseCrimeType);
    }

    [Fact]
    public void Largest_increase_names_the_type_that_fell_least_when_all_fell()
    {
        var s = CalculateQ1(
        [
            Crime("2022-04", "A", "Theft", 20), Crime("2023-04", "A", "Theft", 18),
            Crime("2022-04", "A", "Burglary", 20), Crime("2023-04", "A", "Burglary", 10),
        ]);

        Assert.Equal("Theft", s.Headlines.LargestIncreaseCrimeType);
    }

    [Fact]
    public void Largest_increase_is_null_without_candidates()
    {
        var s = CalculateQ1([Crime("2022-04", "A", "Theft", 9), Crime("2023-04", "A", "Theft", 18)]);

        Assert.Null(s.Headlines.LargestIncreaseCrimeType);
    }

    [Fact]
    public void Top_asb_beats_are_the_two_with_most_asb_ties_by_name()
    {
        var s = CalculateQ1([Asb("2023-04", "C", 5), Asb("2023-04", "b", 5), Asb("2023-04", "A", 5), Asb("2023-04", "D", 9)]);

        Assert.Equal(["D", "A"], s.Headlines.TopAsbBeats);
    }

    [Fact]
    public void Top_asb_beats_is_a_list_of_one_when_only_one_beat_has_asb()
    {
        var s = CalculateQ1([Asb("2023-04", "A", 5), Crime("2023-04", "B", "Theft", 5)]);

        Assert.Equal(["A"], s.Headlines.TopAsbBeats);
    }

    [Fact]
    public void Top_beats_for_crime_and_domestic()
    {
        var s = CalculateQ1(
        [
            Crime("2023-04", "A", "Theft", 5), Crime("2023-04", "B", "Theft", 6),
            Incident("2023-04", "A", 3, domestic: true), Incident("2023-04", "B", 2, domestic: true),
        ]);

        Assert.Equal("B", s.Headlines.TopCrimeBeat);
        Assert.Equal("A", s.Headlines.TopDomesticBeat);
    }

    [Fact]
    public void Area_comes_from_the_options()
    {
        Assert.Equal("Blaby", ReportScenario.Calculate(new FiguresOptions { Area = "Blaby" }).Area);
    }

    [Fact]
    public void A_quarter_outside_one_to_four_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calculate(Q(2023, 5), [], []));
    }
}
