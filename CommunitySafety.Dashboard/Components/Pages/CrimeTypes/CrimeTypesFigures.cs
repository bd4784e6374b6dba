using CommunitySafety.Dashboard.Components.Charts;
using CommunitySafety.Data.Figures;

namespace CommunitySafety.Dashboard.Components.Pages.CrimeTypes;

public sealed record CrimeTypeRow(NamedMeasure Measure, IReadOnlyList<int?> Trend, string TrendDescription)
{
    public string Name => Measure.Name;
}

/// <summary>Every crime type, and for the chosen one (if any) its trend in each beat.</summary>
public sealed record CrimeTypesFigures(
    Summary Summary, IReadOnlyList<CrimeTypeRow> Rows, string? Selected, ChartData? SelectedByBeat, ChartData? SelectedLocationTypes)
{
    /// <summary>Whether the district's population is known: the rate column shows only then.</summary>
    public bool HasRates => Summary.Crime?.Rate is not null || Rows.Any(r => r.Measure.Rate is not null);

    public static async Task<CrimeTypesFigures> LoadAsync(
        IFiguresService figures, string? area, DataOverview overview, FinancialQuarter period, string? requestedType, CancellationToken cancellationToken)
    {
        var summary = (await figures.GetAreaSummaryAsync(area, period, null, cancellationToken))!;
        var range = TrendRange.FourYearsAround(period, overview);
        var rows = new List<CrimeTypeRow>();
        foreach (var crimeType in summary.CrimeTypes)
        {
            var trend = await figures.GetAreaTrendAsync(area, crimeType.Name, null, TrendGranularity.Quarter, range.From, range.To, cancellationToken);
            rows.Add(new CrimeTypeRow(crimeType, FigureCharts.Values(trend), FigureCharts.Describe($"{crimeType.Name} by quarter", trend)));
        }

        var selected = overview.CrimeTypes.Concat(summary.CrimeTypes.Select(c => c.Name))
            .FirstOrDefault(name => string.Equals(name, requestedType?.Trim(), StringComparison.OrdinalIgnoreCase));
        ChartData? byBeat = null;
        ChartData? locationTypes = null;
        if (selected is not null)
        {
            var places = await figures.GetAreaCrimeTypeLocationTypesAsync(area, period, selected, null, cancellationToken);
            if (places.Count > 0) locationTypes = FigureCharts.Comparison($"{selected} by location type", "Location type", places);
            var lines = new List<(string, TrendSeries?)>();
            foreach (var beat in overview.Beats)
                lines.Add((beat, await figures.GetAreaTrendAsync(area, selected, beat, TrendGranularity.Quarter, range.From, range.To, cancellationToken)));
            byBeat = FigureCharts.Trend($"{selected} by beat, by quarter", lines, range);
        }
        return new CrimeTypesFigures(summary, rows, selected, byBeat, locationTypes);
    }
}
