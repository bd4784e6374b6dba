using CommunitySafety.Dashboard.Cli;
using CommunitySafety.Dashboard.Components.Charts;
using CommunitySafety.Data.Figures;

namespace CommunitySafety.Dashboard.Components.Pages.Compare;

/// <summary>A measure the page can compare: its key as the API takes it ("asb", "crime-type:Burglary") and its name.</summary>
public sealed record CompareMeasure(string Key, string Label);

/// <summary>
/// An area against its group for one measure: the comparison (the same document as GET /api/compare), the verdict in
/// words, its chart of rates and the trend of its rate against the group's.
/// </summary>
public sealed record ComparisonFigures(
    IReadOnlyList<CompareMeasure> Measures,
    CompareMeasure Measure,
    string? MeasureProblem,
    Comparison Comparison,
    IReadOnlyList<string> Areas,
    IReadOnlyList<string>? ChosenGroup,
    string Verdict,
    RateChartData Rates,
    RateChartData Trend)
{
    public const string NoPopulation = "no population";

    /// <summary>The area has a population (else its rate, interval and verdict cannot be shown).</summary>
    public bool HasPopulation => Comparison.Area.Population is not null;

    /// <summary>Every area kept but the one shown: those a Manager may put in its group.</summary>
    public IReadOnlyList<string> OtherAreas => Areas.Where(a => !string.Equals(a, Comparison.Area.Area, StringComparison.OrdinalIgnoreCase)).ToList();

    public static IReadOnlyList<CompareMeasure> MeasuresOf(DataOverview overview) =>
    [
        new("asb", "ASB"),
        new("crime", "Total crime"),
        new("domestic", "Domestic incidents"),
        .. overview.CrimeTypes.Select(t => new CompareMeasure($"crime-type:{t}", t)),
    ];

    public static async Task<ComparisonFigures> LoadAsync(
        IFiguresService figures, string? area, DataOverview overview, FinancialQuarter period, string? requestedMeasure, CancellationToken cancellationToken)
    {
        var measures = MeasuresOf(overview);
        var measure = string.IsNullOrWhiteSpace(requestedMeasure)
            ? measures[0]
            : measures.FirstOrDefault(m => string.Equals(m.Key, requestedMeasure.Trim(), StringComparison.OrdinalIgnoreCase));
        string? problem = null;
        if (measure is null)
        {
            problem = $"The link asks for the measure '{requestedMeasure!.Trim()}', which is not ASB, crime, domestic incidents or a crime type in the data. Showing ASB instead.";
            measure = measures[0];
        }

        var request = new ComparisonRequest(period, measure.Key, area);
        var comparison = await figures.GetComparisonAsync(request, cancellationToken);
        var range = TrendRange.FourYearsAround(period, overview);
        var trend = await figures.GetComparisonTrendAsync(request, range.FirstQuarter, FinancialQuarter.Containing(range.To), cancellationToken);
        return new ComparisonFigures(
            measures, measure, problem, comparison,
            await figures.GetAreasAsync(cancellationToken),
            await figures.GetGroupAsync(area, cancellationToken),
            VerdictOf(comparison),
            ComparisonCharts.Rates(comparison, measure.Label),
            TrendChart(trend, measure, period));
    }

    /// <summary>The verdict as the spec writes it, or why there is none.</summary>
    public static string VerdictOf(Comparison comparison) =>
        comparison.Group.Areas.Count == 0
            ? $"There is no other area to compare {comparison.Area.Area} with: the dashboard keeps only its own area (the setting Areas:Include chooses the areas kept)."
            : ComparisonWords.Verdict(comparison);

    private static RateChartData TrendChart(ComparisonTrend trend, CompareMeasure measure, FinancialQuarter period) => new(
        $"{measure.Label} per 1,000 residents by quarter: {trend.Area} against its group",
        ChartKind.Line, "Quarter",
        trend.Points.Select(p => p.Label).ToList(),
        [
            new RateSeries(trend.Area, trend.Points.Select(p => p.AreaRate).ToList()),
            new RateSeries("Group", trend.Points.Select(p => p.GroupRate).ToList()),
        ])
    {
        MarkedCategory = period.ToString(),
    };
}

/// <summary>The chart of an area's rate and its group's, shared by the Compare page, the meeting and the pack.</summary>
public static class ComparisonCharts
{
    public static RateChartData Rates(Comparison c, string measureLabel)
    {
        var all = new[] { c.Area }.Concat(c.Areas).ToList();
        return new RateChartData(
            $"{measureLabel} per 1,000 residents, year to date: {c.Area.Area} and its group",
            ChartKind.HorizontalBar, "Area",
            all.Select(a => a.Area).ToList(),
            [new RateSeries(RateChartOptions.RateName, all.Select(a => a.Rate).ToList())])
        {
            Intervals = all.Select(a => a.Lower95 is double lo && a.Upper95 is double up ? new RateInterval(lo, up) : null).ToList(),
            Reference = c.Group.Rate,
            ReferenceLabel = "Group rate",
            NoRateText = ComparisonFigures.NoPopulation,
        };
    }
}
