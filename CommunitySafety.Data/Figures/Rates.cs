namespace CommunitySafety.Data.Figures;

/// <summary>Where an area's rate sits against its group's (areas-and-rates.md); written "higher", "similar" or "lower".</summary>
public enum Verdict
{
    Lower,
    Similar,
    Higher,
}

/// <summary>A rate per 1,000 residents with its 95% confidence interval, unrounded.</summary>
public readonly record struct RateWithInterval(double Rate, double Lower95, double Upper95);

/// <summary>
/// Rates per 1,000 residents, Byar's 95% confidence interval (as Public Health England's Fingertips uses for counts),
/// the group rate, the verdict and ranks, exactly as ../shared/spec/areas-and-rates.md defines them. Everything is
/// worked on unrounded values; <see cref="Round"/> is for the JSON and the page only.
/// </summary>
public static class Rates
{
    private const double Z95 = 1.96;

    /// <summary>count / population x 1,000; null where there is no population.</summary>
    public static double? PerThousand(int count, long? population) =>
        population is > 0 ? count / (double)population.Value * 1000 : null;

    /// <summary>
    /// Byar's method for count O and population P: lower = O(1 - 1/(9O) - 1.96/(3 sqrt O))^3 / P x 1,000 (0 when O = 0);
    /// upper = (O+1)(1 - 1/(9(O+1)) + 1.96/(3 sqrt(O+1)))^3 / P x 1,000.
    /// </summary>
    public static RateWithInterval WithInterval(int count, long population)
    {
        if (population <= 0) throw new ArgumentOutOfRangeException(nameof(population), population, "A population is above 0.");
        double o = count, p = population;
        var lower = count == 0 ? 0 : o * Math.Pow(1 - 1 / (9 * o) - Z95 / (3 * Math.Sqrt(o)), 3) / p * 1000;
        var o1 = o + 1;
        var upper = o1 * Math.Pow(1 - 1 / (9 * o1) + Z95 / (3 * Math.Sqrt(o1)), 3) / p * 1000;
        return new RateWithInterval(o / p * 1000, lower, upper);
    }

    /// <summary>The group's rate: the sum of its counts over the sum of its populations, x 1,000; null when no area has a population.</summary>
    public static double? GroupRate(IEnumerable<(int Count, long? Population)> areas)
    {
        long count = 0, population = 0;
        foreach (var (c, p) in areas)
        {
            if (p is not > 0) continue; // left out, and named by the caller
            count += c;
            population += p.Value;
        }
        return population > 0 ? count / (double)population * 1000 : null;
    }

    /// <summary>Higher where the group's rate is below the area's lower limit, lower where above its upper limit, else similar.</summary>
    public static Verdict VerdictOf(double groupRate, RateWithInterval area) =>
        groupRate < area.Lower95 ? Verdict.Higher : groupRate > area.Upper95 ? Verdict.Lower : Verdict.Similar;

    /// <summary>1 for the highest rate; equal rates share a rank and the next rank counts them (1, 2, 2, 4); null for no rate.</summary>
    public static IReadOnlyList<int?> Ranks(IReadOnlyList<double?> rates) =>
        rates.Select(r => r is double rate ? (int?)(1 + rates.Count(o => o is double other && other > rate)) : null).ToList();

    /// <summary>Two decimals, half away from zero, as the JSON writes a rate (worked in decimal, so 1.005 is 1.01).</summary>
    public static double Round(double value) => (double)Math.Round((decimal)value, 2, MidpointRounding.AwayFromZero);

    public static double? Round(double? value) => value is double v ? Round(v) : null;

    public static string ToName(this Verdict verdict) => verdict switch
    {
        Verdict.Higher => "higher",
        Verdict.Lower => "lower",
        _ => "similar",
    };
}
