using CommunitySafety.Data.Figures;

namespace CommunitySafety.Tests.Data.Areas;

/// <summary>areas-and-rates.md, "Rates" and "Comparison with a group", against values worked by hand.</summary>
public class RatesTests
{
    [Fact]
    public void Rate_and_Byars_interval_match_the_hand_calculation()
    {
        // O = 140 ASB incidents, P = 97,600 residents.
        // rate  = 140 / 97,600 x 1,000 = 1.43443 -> 1.43
        // lower: sqrt(140) = 11.83216; 1.96 / (3 x 11.83216) = 0.055217; 1 / (9 x 140) = 0.000794
        //        (1 - 0.000794 - 0.055217)^3 = 0.943990^3 = 0.841204; x 140 = 117.769; / 97,600 x 1,000 = 1.2066 -> 1.21
        // upper: sqrt(141) = 11.87434; 1.96 / (3 x 11.87434) = 0.055021; 1 / (9 x 141) = 0.000788
        //        (1 - 0.000788 + 0.055021)^3 = 1.054233^3 = 1.171692; x 141 = 165.21; / 97,600 x 1,000 = 1.6927 -> 1.69
        var r = Rates.WithInterval(140, 97_600);
        Assert.Equal(1.43, Rates.Round(r.Rate));
        Assert.Equal(1.21, Rates.Round(r.Lower95));
        Assert.Equal(1.69, Rates.Round(r.Upper95));
        Assert.Equal(1.4344, r.Rate, 4);
        Assert.Equal(1.2066, r.Lower95, 4);
        Assert.Equal(1.6927, r.Upper95, 4);
    }

    [Fact]
    public void A_count_of_zero_has_a_lower_limit_of_zero_and_an_upper_limit_from_one()
    {
        // O = 0, P = 10,000: lower = 0; upper = 1 x (1 - 1/9 + 1.96/3)^3 / 10,000 x 1,000
        //   = (1 - 0.111111 + 0.653333)^3 / 10 = 1.542222^3 / 10 = 3.668097 / 10 = 0.3668 -> 0.37
        var r = Rates.WithInterval(0, 10_000);
        Assert.Equal(0, r.Rate);
        Assert.Equal(0, r.Lower95);
        Assert.Equal(0.3668, r.Upper95, 4);
        Assert.Equal(0.37, Rates.Round(r.Upper95));
    }

    [Fact]
    public void No_population_means_no_rate_never_zero()
    {
        Assert.Null(Rates.PerThousand(12, null));
        Assert.Null(Rates.PerThousand(12, 0));
        Assert.Equal(1.2, Rates.PerThousand(12, 10_000));
    }

    [Fact]
    public void The_group_rate_is_the_sum_of_counts_over_the_sum_of_populations_leaving_out_areas_without_one()
    {
        // (300 + 600) / (102,900 + 183,900) x 1,000 = 900 / 286,800 x 1,000 = 3.13808 -> 3.14; the 50 without a population left out.
        var rate = Rates.GroupRate([(300, 102_900), (600, 183_900), (50, null)]);
        Assert.Equal(3.13808, rate!.Value, 5);
        Assert.Equal(3.14, Rates.Round(rate));
        Assert.Null(Rates.GroupRate([(50, null)]));
    }

    [Fact]
    public void The_verdict_is_higher_or_lower_only_when_the_group_rate_is_outside_the_interval_on_unrounded_values()
    {
        var area = new RateWithInterval(1.4344, 1.2066, 1.6927);
        Assert.Equal(Verdict.Lower, Rates.VerdictOf(3.14, area)); // the group's rate above the upper limit: the area is lower
        Assert.Equal(Verdict.Higher, Rates.VerdictOf(1.0, area)); // below the lower limit: the area is higher
        Assert.Equal(Verdict.Similar, Rates.VerdictOf(1.5, area));
        // At the boundary: equal to a limit is inside the interval.
        Assert.Equal(Verdict.Similar, Rates.VerdictOf(1.2066, area));
        Assert.Equal(Verdict.Similar, Rates.VerdictOf(1.6927, area));
        // Just past the unrounded limit is outside, though both round to 1.69.
        Assert.Equal(Verdict.Lower, Rates.VerdictOf(1.69271, area));
        Assert.Equal(Verdict.Higher, Rates.VerdictOf(1.20659, area));
    }

    [Fact]
    public void Ranks_give_1_to_the_highest_rate_and_ties_share_a_rank()
    {
        Assert.Equal([2, 1, 2, 4, null], Rates.Ranks([2.5, 3.0, 2.5, 1.0, null]));
        Assert.Equal([1, 1], Rates.Ranks([1.0, 1.0]));
    }

    [Fact]
    public void Rounding_is_to_two_decimals_half_away_from_zero()
    {
        Assert.Equal(1.01, Rates.Round(1.005));
        Assert.Equal(2.68, Rates.Round(2.675));
        Assert.Equal(-1.01, Rates.Round(-1.005));
    }
}
