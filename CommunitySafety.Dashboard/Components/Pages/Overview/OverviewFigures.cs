using CommunitySafety.Dashboard.Components.Charts;
using CommunitySafety.Dashboard.Components.Shared;
using CommunitySafety.Data.Figures;

namespace CommunitySafety.Dashboard.Components.Pages.Overview;

public sealed record OverviewFigures(
    Summary Summary,
    ChartData AsbTrend,
    ChartData CrimeTrend,
    ChartData CrimeTypes,
    ChartData AsbLocationTypes)
{
    /// <summary>Each headline measure against similar areas, where a population and a group are known.</summary>
    public IReadOnlyList<Compare.SimilarAreasLine> SimilarAreas { get; init; } = [];

    public static async Task<OverviewFigures> LoadAsync(
        IFiguresService figures, string? area, DataOverview overview, FinancialQuarter period, CancellationToken cancellationToken)
    {
        var summary = (await figures.GetAreaSummaryAsync(area, period, null, cancellationToken))!;
        // The summary is the data version's, for this area and period: every page showing it shares what is built from it.
        return await SharedFigures<OverviewFigures>.GetAsync(summary, () => BuildAsync(figures, area, overview, period, summary, CancellationToken.None));
    }

    private static async Task<OverviewFigures> BuildAsync(
        IFiguresService figures, string? area, DataOverview overview, FinancialQuarter period, Summary summary, CancellationToken cancellationToken)
    {
        var range = TrendRange.FourYearsAround(period, overview);
        var asb = await figures.GetAreaTrendAsync(area, "asb", null, TrendGranularity.Quarter, range.From, range.To, cancellationToken);
        var crime = await figures.GetAreaTrendAsync(area, "crime", null, TrendGranularity.Quarter, range.From, range.To, cancellationToken);
        // Only an area with a population has rates to compare (its summary then carries them).
        var similar = summary.Asb?.Rate is not null || summary.Crime?.Rate is not null
            ? await Compare.SimilarAreas.LoadAsync(figures, area, period, cancellationToken)
            : [];
        return new OverviewFigures(
            summary,
            FigureCharts.Trend("ASB incidents by quarter", [("ASB incidents", asb)], range),
            FigureCharts.Trend("Crimes by quarter", [("Crimes", crime)], range),
            FigureCharts.Comparison("Crime types, this year to date against last", "Crime type", summary.CrimeTypes),
            FigureCharts.Comparison("ASB by location type", "Location type", summary.LocationTypes.Asb))
        {
            SimilarAreas = similar,
        };
    }
}
