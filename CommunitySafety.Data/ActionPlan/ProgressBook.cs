using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Model;

namespace CommunitySafety.Data.ActionPlan;

/// <summary>Reading an action's progress rows: each quarter is its latest version.</summary>
public static class ProgressBook
{
    public static ActionProgress? LatestFor(IEnumerable<ActionProgress> rows, int quarter) =>
        rows.Where(r => r.Quarter == quarter).MaxBy(r => r.Version);

    /// <summary>The latest version of the latest quarter up to <paramref name="quarter"/>.</summary>
    public static ActionProgress? LatestUpTo(IEnumerable<ActionProgress> rows, int quarter) =>
        rows.Where(r => r.Quarter <= quarter).OrderBy(r => r.Quarter).ThenBy(r => r.Version).LastOrDefault();
}

/// <summary>A partnership measure as a figure: its value in a quarter against the same quarter a year before, and its quarterly trend.</summary>
public static class PartnershipFigures
{
    public static int? ValueAt(PartnershipMeasure? measure, FinancialQuarter quarter) =>
        measure?.Values.FirstOrDefault(v => v.StartYear == quarter.StartYear && v.Quarter == quarter.Quarter)?.Value;

    /// <summary>The measure's quarters, <paramref name="quarters"/> of them ending with <paramref name="period"/>; a quarter with no value is null.</summary>
    public static TrendSeries Trend(PartnershipMeasure? measure, FinancialQuarter period, int quarters)
    {
        var first = period;
        for (var i = 1; i < quarters; i++) first = first.PreviousQuarter;
        var points = new List<TrendPoint>();
        for (var q = first; q.CompareTo(period) <= 0; q = q.NextQuarter)
            points.Add(new TrendPoint($"{q.FinancialYear} Q{q.Quarter}", q.ToString(), ValueAt(measure, q)));
        return new TrendSeries(measure?.Name ?? "", null, TrendGranularity.Quarter, points);
    }

    /// <summary>The figure of a <see cref="MeasureKind.Partnership"/> link: compared only when both quarters have a value.</summary>
    public static LinkedFigure Figure(MeasureLink link, PartnershipMeasure? measure, FinancialQuarter period, int trendQuarters)
    {
        var current = ValueAt(measure, period);
        var lastYear = ValueAt(measure, new FinancialQuarter(period.StartYear - 1, period.Quarter));
        var compared = current is { } now && lastYear is { } before ? ChangeMaths.Compare(now, before) : null;
        return new LinkedFigure(link, LinkedFigures.Label(link), compared, measure is null ? null : Trend(measure, period, trendQuarters))
        {
            Recorded = current,
        };
    }
}
