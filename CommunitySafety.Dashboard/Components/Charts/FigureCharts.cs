using CommunitySafety.Dashboard.Components.Shared;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Model;

namespace CommunitySafety.Dashboard.Components.Charts;

/// <summary>A span of months for a trend chart, and the point within it to mark.</summary>
public sealed record TrendRange(YearMonth From, YearMonth To, FinancialQuarter FirstQuarter, FinancialQuarter Marked)
{
    /// <summary>
    /// Four years of quarters ending with the latest quarter with data (or the selected one, if later),
    /// stretched back to include the selected quarter if it is older.
    /// </summary>
    public static TrendRange FourYearsAround(FinancialQuarter selected, DataOverview overview)
    {
        var latest = overview.Quarters.Count > 0 ? overview.Quarters.Max() : selected;
        var last = latest.CompareTo(selected) >= 0 ? latest : selected;
        var first = last;
        for (var i = 0; i < 15; i++) first = first.PreviousQuarter;
        if (selected.CompareTo(first) < 0) first = selected;
        return new TrendRange(first.FirstMonth, last.LastMonth, first, selected);
    }

    /// <summary>Which point of a trend is the marked quarter (or the marked quarter's last month, by month).</summary>
    public int? MarkedIndex(TrendSeries series)
    {
        var expected = series.By == TrendGranularity.Quarter
            ? QuartersBetween(FirstQuarter, Marked)
            : MonthsBetween(From, Marked.LastMonth);
        return expected >= 0 && expected < series.Points.Count ? expected : null;
    }

    private static int QuartersBetween(FinancialQuarter a, FinancialQuarter b) =>
        (b.StartYear - a.StartYear) * 4 + (b.Quarter - a.Quarter);

    private static int MonthsBetween(YearMonth a, YearMonth b) => (b.Year - a.Year) * 12 + (b.Month - a.Month);
}

/// <summary>Turns figures into chart data: trend lines and this-year-against-last-year comparisons.</summary>
public static class FigureCharts
{
    public const string CurrentName = "This year to date";
    public const string PreviousName = "Last year to date";

    /// <summary>One line per named trend, over the first trend's periods, with the range's quarter marked.</summary>
    public static ChartData Trend(string title, IReadOnlyList<(string Name, TrendSeries? Series)> lines, TrendRange? range)
    {
        var present = lines.Where(l => l.Series is not null).ToList();
        if (present.Count == 0) return new ChartData(title, ChartKind.Line, "Period", [], []);

        var first = present[0].Series!;
        var categories = first.Points.Select(p => p.Label).ToList();
        var series = present.Select(l => new ChartSeries(l.Name,
            categories.Select((_, i) => i < l.Series!.Points.Count ? l.Series.Points[i].Count : null).ToList())).ToList();
        var markedIndex = range?.MarkedIndex(first);
        return new ChartData(title, ChartKind.Line, first.By == TrendGranularity.Quarter ? "Quarter" : "Month", categories, series)
        {
            MarkedCategory = markedIndex is { } i ? categories[i] : null,
            MarkedLabel = range is null ? null : $"Selected: {range.Marked}",
        };
    }

    /// <summary>Last year to date against this year to date for each item, with the change and its significance in the table.</summary>
    public static ChartData Comparison(string title, string categoryHeading, IReadOnlyList<NamedMeasure> items, int? top = null)
    {
        var shown = top is { } n ? items.Take(n).ToList() : items.ToList();
        return new ChartData(title, ChartKind.HorizontalBar, categoryHeading,
            shown.Select(i => i.Name).ToList(),
            [
                new ChartSeries(PreviousName, shown.Select(i => (int?)i.Previous).ToList()),
                new ChartSeries(CurrentName, shown.Select(i => (int?)i.Current).ToList()),
            ])
        {
            Notes =
            [
                new ChartNote("Change", shown.Select(i => MeasureView.Of(i).ChangePercentText).ToList()),
                new ChartNote("Significance", shown.Select(i => MeasureView.SignificanceText(i.Significance)).ToList()),
            ],
        };
    }

    /// <summary>The most common crime types, as many as a chart can name legibly; a table can show the rest.</summary>
    public static ChartData TopCrimeTypes(IReadOnlyList<NamedMeasure> crimeTypes, int top)
    {
        var title = crimeTypes.Count > top
            ? $"The {top} most common crime types, this year to date against last"
            : "Crime types, this year to date against last";
        return Comparison(title, "Crime type", crimeTypes, top);
    }

    /// <summary>The counts of a trend, for a sparkline.</summary>
    public static IReadOnlyList<int?> Values(TrendSeries? series) =>
        series?.Points.Select(p => p.Count).ToList() ?? [];

    /// <summary>"Crime by quarter from Q1 2020-21 to Q1 2024-25: 310 to 280." Spelt out for screen readers.</summary>
    public static string Describe(string what, TrendSeries? series)
    {
        var points = series?.Points.Where(p => p.Count is not null).ToList() ?? [];
        if (points.Count == 0) return $"{what}: no data";
        var (first, last) = (points[0], points[^1]);
        return $"{what} from {first.Label} to {last.Label}: {MeasureView.Count(first.Count!.Value)} to {MeasureView.Count(last.Count!.Value)}";
    }
}
