using CommunitySafety.Dashboard.Components.Charts;
using CommunitySafety.Data.Figures;

namespace CommunitySafety.Dashboard.Components.Pages.Overview;

public sealed record OverviewFigures(
    Summary Summary,
    ChartData AsbTrend,
    ChartData CrimeTrend,
    ChartData CrimeTypes,
    ChartData AsbLocationTypes)
{
    public static async Task<OverviewFigures> LoadAsync(
        IFiguresService figures, string? area, DataOverview overview, FinancialQuarter period, CancellationToken cancellationToken)
    {
        var range = TrendRange.FourYearsAround(period, overview);
        var summary = (await figures.GetAreaSummaryAsync(area, period, null, cancellationToken))!;
        var asb = await figures.GetAreaTrendAsync(area, "asb", null, TrendGranularity.Quarter, range.From, range.To, cancellationToken);
        var crime = await figures.GetAreaTrendAsync(area, "crime", null, TrendGranularity.Quarter, range.From, range.To, cancellationToken);
        return new OverviewFigures(
            summary,
            FigureCharts.Trend("ASB incidents by quarter", [("ASB incidents", asb)], range),
            FigureCharts.Trend("Crimes by quarter", [("Crimes", crime)], range),
            FigureCharts.Comparison("Crime types, this year to date against last", "Crime type", summary.CrimeTypes),
            FigureCharts.Comparison("ASB by location type", "Location type", summary.LocationTypes.Asb));
    }
}
