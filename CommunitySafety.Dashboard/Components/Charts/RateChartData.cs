using System.Globalization;

namespace CommunitySafety.Dashboard.Components.Charts;

/// <summary>A named line or bar of rates (per 1,000 residents); null where there is no rate.</summary>
public sealed record RateSeries(string Name, IReadOnlyList<double?> Values);

/// <summary>A 95% confidence interval of one bar.</summary>
public sealed record RateInterval(double Lower, double Upper);

/// <summary>
/// The numbers of a chart of rates, from which both its options and its table are made (as <see cref="ChartData"/> is for
/// counts): bars with whiskers for their intervals and a reference line (the group's rate), or lines over time.
/// </summary>
public sealed record RateChartData(
    string Title,
    ChartKind Kind,
    string CategoryHeading,
    IReadOnlyList<string> Categories,
    IReadOnlyList<RateSeries> Series)
{
    /// <summary>Each category's interval (bars only; null where it has none).</summary>
    public IReadOnlyList<RateInterval?> Intervals { get; init; } = [];

    /// <summary>A value drawn across the chart as a line (the group's rate), and its name.</summary>
    public double? Reference { get; init; }

    public string? ReferenceLabel { get; init; }

    /// <summary>Written where a category has no rate, in the table.</summary>
    public string NoRateText { get; init; } = "no data";

    /// <summary>A category to mark (the selected quarter) on a line chart.</summary>
    public string? MarkedCategory { get; init; }

    public bool IsEmpty => Categories.Count == 0 || Series.All(s => s.Values.All(v => v is null));

    /// <summary>A rate as the page writes it: two decimals.</summary>
    public static string Text(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
