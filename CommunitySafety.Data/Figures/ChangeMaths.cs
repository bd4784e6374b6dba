using CommunitySafety.Data.Model;

namespace CommunitySafety.Data.Figures;

/// <summary>How a count changed between two periods, as the summary contract defines it.</summary>
public static class ChangeMaths
{
    /// <summary>
    /// change / previous x 100, to one decimal, half away from zero; null where previous is 0.
    /// Worked in decimal so that a true 6.25 rounds to 6.3 (a double would hold 6.2499...).
    /// </summary>
    public static double? ChangePercent(int current, int previous)
    {
        if (previous == 0) return null;
        var percent = (current - previous) * 100m / previous;
        return (double)Math.Round(percent, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>The Poisson z of a change: 2 x (sqrt(current) - sqrt(previous)), to two decimals, half away from zero.</summary>
    public static double Z(int current, int previous)
    {
        var z = 2 * (Math.Sqrt(current) - Math.Sqrt(previous));
        return (double)Math.Round((decimal)z, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// Real where |z| >= 3, possible where 2 <= |z| < 3, otherwise none.
    /// Given the rounded z, so the label always agrees with the z printed beside it (2.9959 shows as 3 and is real).
    /// </summary>
    public static Significance Significance(double roundedZ) => Math.Abs(roundedZ) switch
    {
        >= 3 => Model.Significance.Real,
        >= 2 => Model.Significance.Possible,
        _ => Model.Significance.None,
    };

    public static Measure Compare(int current, int previous)
    {
        var z = Z(current, previous);
        return new Measure(current, previous, current - previous, ChangePercent(current, previous), z, Significance(z));
    }

    public static NamedMeasure Compare(string name, int current, int previous) => Compare(current, previous).Named(name);

    internal static NamedMeasure Named(this Measure m, string name) =>
        new(name, m.Current, m.Previous, m.Change, m.ChangePercent, m.Z, m.Significance);
}
