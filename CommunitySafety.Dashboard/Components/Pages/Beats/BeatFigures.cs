using CommunitySafety.Dashboard.Components.Charts;
using CommunitySafety.Data.Figures;

namespace CommunitySafety.Dashboard.Components.Pages.Beats;

/// <summary>One beat's figures beside the district's. <see cref="Beat"/> null means no beat has the name asked for.</summary>
public sealed record BeatFigures(
    string? Beat,
    Summary? BeatSummary,
    Summary? District,
    ChartData? Monthly,
    ChartData? Quarterly,
    ChartData? CrimeTypes,
    ChartData? AsbLocationTypes,
    ChartData? CrimeLocationTypes)
{
    private static readonly BeatFigures Unknown = new(null, null, null, null, null, null, null, null);

    public static async Task<BeatFigures> LoadAsync(
        IFiguresService figures, string? area, DataOverview overview, FinancialQuarter period, string requestedName, CancellationToken cancellationToken)
    {
        var beat = overview.Beats.FirstOrDefault(b => string.Equals(b, requestedName?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (beat is null) return Unknown;

        var beatSummary = (await figures.GetAreaSummaryAsync(area, period, beat, cancellationToken))!;
        var district = (await figures.GetAreaSummaryAsync(area, period, null, cancellationToken))!;
        var range = TrendRange.FourYearsAround(period, overview);

        async Task<ChartData> TrendAsync(string title, TrendGranularity by) => FigureCharts.Trend(title,
        [
            ("ASB incidents", await figures.GetAreaTrendAsync(area, "asb", beat, by, range.From, range.To, cancellationToken)),
            ("Crimes", await figures.GetAreaTrendAsync(area, "crime", beat, by, range.From, range.To, cancellationToken)),
            ("Domestic incidents", await figures.GetAreaTrendAsync(area, "domestic", beat, by, range.From, range.To, cancellationToken)),
        ], range);

        return new BeatFigures(
            beat,
            beatSummary,
            district,
            await TrendAsync($"{beat}: by month", TrendGranularity.Month),
            await TrendAsync($"{beat}: by quarter", TrendGranularity.Quarter),
            FigureCharts.Comparison($"{beat}: crime types", "Crime type", beatSummary.CrimeTypes),
            FigureCharts.Comparison($"{beat}: ASB by location type", "Location type", beatSummary.LocationTypes.Asb),
            FigureCharts.Comparison($"{beat}: crime by location type", "Location type", beatSummary.LocationTypes.Crime));
    }
}
