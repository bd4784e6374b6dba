using CommunitySafety.Data.Figures;
using static CommunitySafety.Tests.Data.Figures.FiguresTestData;

namespace CommunitySafety.Tests.Data.Figures;

public class SummaryNarrativeTests
{
    private const string AsbFall =
        "There has been a -25.1% decrease in the number of ASB incidents in Harborough in the current year to date, compared to the previous year to date.";

    [Fact]
    public void Report_scenario_reads_like_the_report()
    {
        Assert.Equal(
        [
            "ASB incidents at the end of quarter one are at a four-year low, although they rose from the previous quarter.",
            AsbFall,
            "The Harborough North and Harborough Town beats have recorded the most ASB incidents in the current year to date.",
            "'Residential' is the location type with the highest number of ASB incidents.",
            "Overall crime in Harborough saw a slight decrease (-2.8%) in the current year to date compared to the previous year to date.",
            "Criminal Damage offences were the crime type that saw the highest percentage increase in the current year to date, with a +21.6% increase from the previous year to date.",
            "Violence Without Injury offences are the most common crime type across Harborough.",
            "The Harborough North beat has recorded the most offences in the current year to date.",
            "The number of domestic incidents has seen an increase of +6.3% in Harborough compared to the previous year to date.",
            "The majority of domestic incidents are located within a dwelling.",
            "The Harborough North beat had the highest number of domestic incidents of all beats in Harborough.",
        ],
        ReportScenario.Calculate().Narrative);
    }

    [Fact]
    public void The_narrative_has_the_reports_asb_and_crime_sections_and_the_missing_months_warning_only_before_them()
    {
        var coverage = Covered("2022-04", "2022-06").Concat(Covered("2023-04", "2023-05"));
        var s = Calculate(Q(2023, 1), [Asb("2023-04", "A", 812), Asb("2022-04", "A", 1084), Crime("2023-04", "A", "Criminal Damage", 45), Crime("2022-04", "A", "Criminal Damage", 37)], coverage);

        Assert.False(s.DataComplete);
        Assert.StartsWith("The figures for this period are incomplete", s.Narrative[0]);
        Assert.Contains(AsbFall, s.NarrativeSections.Asb);
        Assert.All(s.NarrativeSections.Asb, sentence => Assert.Contains("ASB", sentence));
        Assert.NotEmpty(s.NarrativeSections.Crime);
        Assert.All(s.NarrativeSections.Crime, sentence => Assert.DoesNotContain("ASB", sentence));
        Assert.Equal([s.Narrative[0], .. s.NarrativeSections.Asb, .. s.NarrativeSections.Crime], s.Narrative);
    }

    [Fact]
    public void Asb_fall_sentence_is_exact()
    {
        var s = CalculateQ1([Asb("2023-04", "A", 812), Asb("2022-04", "A", 1084)]);

        Assert.Contains(AsbFall, s.Narrative);
    }

    [Fact]
    public void Asb_sentence_names_the_area_from_the_options()
    {
        var s = ReportScenario.Calculate(new FiguresOptions { Area = "Blaby" });

        Assert.Contains(AsbFall.Replace("Harborough", "Blaby"), s.Narrative);
    }

    [Fact]
    public void Asb_rise_has_an_explicit_plus_sign()
    {
        var s = CalculateQ1([Asb("2023-04", "A", 17), Asb("2022-04", "A", 16)]);

        Assert.Contains(
            "There has been a +6.3% increase in the number of ASB incidents in Harborough in the current year to date, compared to the previous year to date.",
            s.Narrative);
    }

    [Fact]
    public void Asb_without_change_says_so()
    {
        var s = CalculateQ1([Asb("2023-04", "A", 16), Asb("2022-04", "A", 16)]);

        Assert.Contains(
            "There has been no change in the number of ASB incidents in Harborough in the current year to date, compared to the previous year to date.",
            s.Narrative);
    }

    [Fact]
    public void Asb_from_nothing_gives_the_count_not_a_percentage()
    {
        var s = CalculateQ1([Asb("2023-04", "A", 4)]);

        Assert.Contains(
            "There were 4 ASB incidents in Harborough in the current year to date, and none in the previous year to date.",
            s.Narrative);
    }

    [Theory]
    [InlineData(110, 100, "Overall crime in Harborough saw an increase (+10.0%) in the current year to date compared to the previous year to date.")]
    [InlineData(104, 100, "Overall crime in Harborough saw a slight increase (+4.0%) in the current year to date compared to the previous year to date.")]
    [InlineData(95, 100, "Overall crime in Harborough saw a decrease (-5.0%) in the current year to date compared to the previous year to date.")]
    [InlineData(100, 100, "Overall crime in Harborough was unchanged in the current year to date compared to the previous year to date.")]
    public void Overall_crime_is_slight_under_five_percent(int current, int previous, string sentence)
    {
        var s = CalculateQ1([Crime("2023-04", "A", "Theft", current), Crime("2022-04", "A", "Theft", previous)]);

        Assert.Contains(sentence, s.Narrative);
    }

    [Fact]
    public void Largest_increase_sentence_does_not_call_a_fall_an_increase()
    {
        var s = CalculateQ1([Crime("2023-04", "A", "Theft", 18), Crime("2022-04", "A", "Theft", 20)]);

        Assert.Contains(
            "No crime type with at least 10 offences in the previous year to date saw an increase; Theft offences saw the smallest decrease (-10.0%).",
            s.Narrative);
    }

    [Theory]
    [InlineData(6, 5, "The majority of domestic incidents are located within a dwelling.")]
    [InlineData(5, 5, "Most domestic incidents are located in 'Dwelling'.")]
    public void Domestic_location_is_a_majority_only_over_half(int dwelling, int elsewhere, string sentence)
    {
        var s = CalculateQ1(
        [
            Incident("2023-04", "A", dwelling, "Dwelling", domestic: true),
            Incident("2023-04", "A", elsewhere - 1, "Street", domestic: true),
            Incident("2023-04", "A", 1, "Shop", domestic: true),
        ]);

        Assert.Contains(sentence, s.Narrative);
    }

    [Fact]
    public void Domestic_majority_elsewhere_names_the_location_type()
    {
        var s = CalculateQ1([Incident("2023-04", "A", 3, "Street", domestic: true)]);

        Assert.Contains("The majority of domestic incidents are located in 'Street'.", s.Narrative);
    }

    [Fact]
    public void Domestic_fall_sentence()
    {
        var s = CalculateQ1([Incident("2023-04", "A", 15, domestic: true), Incident("2022-04", "A", 16, domestic: true)]);

        Assert.Contains("The number of domestic incidents has seen a decrease of -6.3% in Harborough compared to the previous year to date.", s.Narrative);
    }

    [Fact]
    public void One_top_asb_beat_is_singular()
    {
        var s = CalculateQ1([Asb("2023-04", "Lutterworth", 5)]);

        Assert.Contains("The Lutterworth beat has recorded the most ASB incidents in the current year to date.", s.Narrative);
    }

    [Fact]
    public void Incomplete_data_is_the_first_sentence_and_names_the_months()
    {
        var coverage = Covered("2022-04", "2022-06").Concat(Covered("2023-04", "2023-04"));

        var s = Calculate(Q(2023, 1), [Asb("2023-04", "A", 1)], coverage);

        Assert.Equal("The figures for this period are incomplete: there is no data for May 2023 and June 2023.", s.Narrative[0]);
    }

    [Fact]
    public void Three_missing_months_are_listed_with_commas()
    {
        var s = Calculate(Q(2023, 1), [], Covered("2022-05", "2022-06").Concat(Covered("2023-06", "2023-06")));

        Assert.Equal("The figures for this period are incomplete: there is no data for April 2022, April 2023 and May 2023.", s.Narrative[0]);
    }

    [Fact]
    public void Sentences_without_figures_are_left_out()
    {
        Assert.Equal(
            ["The figures for this period are incomplete: there is no data for April 2022, May 2022, June 2022, April 2023, May 2023 and June 2023."],
            Calculate(Q(2023, 1), [], []).Narrative);
    }

    [Fact]
    public void Police_uk_months_give_no_domestic_or_location_sentences()
    {
        var coverage = Covered("2020-04", "2023-06", domestic: false, location: false);

        var s = Calculate(ReportScenario.Period, ReportScenario.Facts, coverage);

        Assert.DoesNotContain(s.Narrative, n => n.Contains("domestic") || n.Contains("location type"));
        Assert.Contains(AsbFall, s.Narrative);
    }

    public class FourYearLow
    {
        /// <summary>ASB in Q2 of 2020-21 .. 2023-24 and in Q1 2023-24, one month each.</summary>
        private static Summary Q2With(int q2_2020, int q2_2021, int q2_2022, int q1_2023, int q2_2023, string coverFrom = "2020-07") =>
            Calculate(
                Q(2023, 2),
                [
                    Asb("2020-08", "A", q2_2020), Asb("2021-08", "A", q2_2021), Asb("2022-08", "A", q2_2022),
                    Asb("2023-05", "A", q1_2023), Asb("2023-08", "A", q2_2023),
                ],
                Covered(coverFrom, "2023-09"));

        [Fact]
        public void Lowest_and_rose()
        {
            Assert.Contains(
                "ASB incidents at the end of quarter two are at a four-year low, although they rose from the previous quarter.",
                Q2With(50, 60, 70, q1_2023: 30, q2_2023: 40).Narrative);
        }

        [Fact]
        public void Lowest_and_fell()
        {
            Assert.Contains(
                "ASB incidents at the end of quarter two are at a four-year low, and they fell from the previous quarter.",
                Q2With(50, 60, 70, q1_2023: 45, q2_2023: 40).Narrative);
        }

        [Fact]
        public void Equal_to_an_earlier_year_is_still_the_low()
        {
            Assert.Contains(
                "ASB incidents at the end of quarter two are at a four-year low, and they were unchanged from the previous quarter.",
                Q2With(40, 60, 70, q1_2023: 40, q2_2023: 40).Narrative);
        }

        [Fact]
        public void Not_lowest_and_fell()
        {
            Assert.Contains(
                "ASB incidents at the end of quarter two are not at a four-year low, although they fell from the previous quarter.",
                Q2With(39, 60, 70, q1_2023: 45, q2_2023: 40).Narrative);
        }

        [Fact]
        public void Not_lowest_and_rose()
        {
            Assert.Contains(
                "ASB incidents at the end of quarter two are not at a four-year low, and they rose from the previous quarter.",
                Q2With(50, 60, 20, q1_2023: 30, q2_2023: 40).Narrative);
        }

        [Fact]
        public void Left_out_when_an_earlier_quarter_is_not_fully_covered()
        {
            var summary = Q2With(50, 60, 70, q1_2023: 30, q2_2023: 40, coverFrom: "2020-08");

            Assert.True(summary.DataComplete); // the year-to-date periods themselves are complete
            Assert.DoesNotContain(summary.Narrative, n => n.Contains("four-year low"));
        }

        [Fact]
        public void Quarter_one_compares_with_quarter_four_of_the_year_before()
        {
            var summary = Calculate(
                Q(2023, 1),
                [Asb("2020-04", "A", 9), Asb("2021-04", "A", 9), Asb("2022-04", "A", 9), Asb("2023-03", "A", 10), Asb("2023-04", "A", 8)],
                Covered("2020-04", "2023-06"));

            Assert.Contains(
                "ASB incidents at the end of quarter one are at a four-year low, and they fell from the previous quarter.",
                summary.Narrative);
        }
    }
}
