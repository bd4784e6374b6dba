using CommunitySafety.Dashboard.Components.Charts;
using CommunitySafety.Data.Figures;

namespace CommunitySafety.Dashboard.Components.Pages.Beats;

public sealed record BeatRow(BeatMeasures Measures, IReadOnlyList<int?> CrimeTrend, string CrimeTrendDescription)
{
    public string Name => Measures.Name;
}

public sealed record BeatsFigures(Summary Summary, IReadOnlyList<BeatRow> Rows)
{
    public static async Task<BeatsFigures> LoadAsync(
        IFiguresService figures, DataOverview overview, FinancialQuarter period, CancellationToken cancellationToken)
    {
        var summary = await figures.GetSummaryAsync(period, null, cancellationToken);
        var range = TrendRange.FourYearsAround(period, overview);
        var rows = new List<BeatRow>();
        foreach (var beat in summary.Beats)
        {
            var trend = await figures.GetTrendAsync("crime", beat.Name, TrendGranularity.Quarter, range.From, range.To, cancellationToken);
            rows.Add(new BeatRow(beat, FigureCharts.Values(trend), FigureCharts.Describe("Crimes by quarter", trend)));
        }
        return new BeatsFigures(summary, rows);
    }
}
