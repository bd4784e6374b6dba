using CommunitySafety.Data.Model;

namespace CommunitySafety.Data.Figures;

public enum TrendGranularity
{
    Month,
    Quarter,
}

/// <summary>
/// One point of a chart. <see cref="Period"/> is "2023-04" or "2023-24 Q1"; <see cref="Label"/> is "Apr 2023"
/// or "Q1 2023-24". <see cref="Count"/> is null where no month of the period can answer the measure
/// (no data at all, or domestic in a police.uk month).
/// </summary>
public sealed record TrendPoint(string Period, string Label, int? Count);

public sealed record TrendSeries(string Measure, string? Beat, TrendGranularity By, IReadOnlyList<TrendPoint> Points);

/// <summary>Counts of one measure over time, for the district or one beat.</summary>
public static class TrendCalculator
{
    /// <summary>The measures every data set has, before its crime types.</summary>
    public static IReadOnlyList<string> FixedMeasures { get; } =
        [FigureMeasure.AsbName, FigureMeasure.CrimeName, FigureMeasure.DomesticName];

    /// <summary>True for "asb", "crime", "domestic" or a crime type found in the facts, in any case.</summary>
    public static bool IsKnownMeasure(string? measure, IReadOnlyCollection<MonthlyFact> facts) =>
        FigureMeasure.Find(measure, facts) is not null;

    /// <summary>Every measure a trend can be asked for: the fixed ones, then the crime types by name.</summary>
    public static IReadOnlyList<string> KnownMeasures(IReadOnlyCollection<MonthlyFact> facts) =>
        [.. FixedMeasures, .. FigureMeasure.CrimeTypeNames(facts).Order(Names.Comparer)];

    /// <summary>
    /// The series of <paramref name="measure"/> from <paramref name="from"/> to <paramref name="to"/>.
    /// By quarter, every financial quarter that overlaps the range is shown whole, and a quarter with only some
    /// months of data counts the months it has (the point is null only when it has none).
    /// <paramref name="beat"/> null means the whole district; a beat matches in any case.
    /// The series names the measure as the facts spell it ("asb", or a crime type as first seen).
    /// </summary>
    /// <exception cref="ArgumentException">The measure is not known (check with <see cref="IsKnownMeasure"/>), or from is after to.</exception>
    public static TrendSeries Build(
        IReadOnlyCollection<MonthlyFact> facts,
        IReadOnlyCollection<MonthCoverage> coverage,
        string measure,
        string? beat,
        TrendGranularity by,
        YearMonth from,
        YearMonth to)
    {
        var figure = FigureMeasure.Find(measure, facts)
            ?? throw new ArgumentException($"'{measure}' is not asb, crime, domestic or a crime type in the data.", nameof(measure));
        if (from > to) throw new ArgumentException($"The range starts ({from}) after it ends ({to}).", nameof(from));

        var beatFacts = beat is null ? facts : facts.Where(f => Names.Same(f.Beat, beat));
        var totals = new MonthlyTotals(beatFacts, figure, new CoverageMap(coverage));
        var points = by == TrendGranularity.Month ? MonthPoints(totals, from, to) : QuarterPoints(totals, from, to);
        return new TrendSeries(figure.Name, beat, by, points);
    }

    /// <summary>
    /// The same series as <see cref="Build(IReadOnlyCollection{MonthlyFact}, IReadOnlyCollection{MonthCoverage}, string, string?, TrendGranularity, YearMonth, YearMonth)"/>,
    /// from counts made once for every beat and measure: <paramref name="figure"/> and <paramref name="beatInData"/>
    /// are spelt as the data spells them (<paramref name="beatInData"/> null for the district, or for a beat not in the data
    /// when <paramref name="beat"/> is not null); <paramref name="beat"/> is the beat as asked, which the series names.
    /// </summary>
    internal static TrendSeries Build(
        TrendIndex index, CoverageMap coverage, FigureMeasure figure, string? beat, string? beatInData, TrendGranularity by, YearMonth from, YearMonth to)
    {
        if (from > to) throw new ArgumentException($"The range starts ({from}) after it ends ({to}).", nameof(from));
        var counts = beat is not null && beatInData is null ? new Dictionary<YearMonth, int>() : index.Totals(beatInData, figure);
        var totals = new MonthlyTotals(counts, figure, coverage);
        var points = by == TrendGranularity.Month ? MonthPoints(totals, from, to) : QuarterPoints(totals, from, to);
        return new TrendSeries(figure.Name, beat, by, points);
    }

    private static List<TrendPoint> MonthPoints(MonthlyTotals totals, YearMonth from, YearMonth to) =>
        YearMonth.Range(from, to)
            .Select(month => new TrendPoint(month.ToString(), month.ToDisplayString(), totals.Count([month])))
            .ToList();

    private static List<TrendPoint> QuarterPoints(MonthlyTotals totals, YearMonth from, YearMonth to)
    {
        var points = new List<TrendPoint>();
        for (var quarter = FinancialQuarter.Containing(from); quarter.FirstMonth <= to; quarter = quarter.NextQuarter)
            points.Add(new TrendPoint($"{quarter.FinancialYear} Q{quarter.Quarter}", quarter.ToString(), totals.CountQuarter(quarter)));
        return points;
    }
}
