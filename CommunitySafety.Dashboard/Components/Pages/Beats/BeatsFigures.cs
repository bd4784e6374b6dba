using CommunitySafety.Dashboard.Components.Charts;
using CommunitySafety.Dashboard.Components.Shared;
using CommunitySafety.Data.Figures;

namespace CommunitySafety.Dashboard.Components.Pages.Beats;

public sealed record BeatRow(BeatMeasures Measures, IReadOnlyList<int?> CrimeTrend, string CrimeTrendDescription)
{
    public string Name => Measures.Name;
}

public sealed record BeatsFigures(Summary Summary, IReadOnlyList<BeatRow> Rows)
{
    /// <summary>Whether any population is known: the rate columns show only then (a beat without one says "no population").</summary>
    public bool HasRates =>
        Summary.Asb?.Rate is not null || Summary.Crime?.Rate is not null
        || Rows.Any(r => r.Measures.Asb?.Rate is not null || r.Measures.Crime?.Rate is not null);

    public static async Task<BeatsFigures> LoadAsync(
        IFiguresService figures, string? area, DataOverview overview, FinancialQuarter period, CancellationToken cancellationToken)
    {
        var summary = (await figures.GetAreaSummaryAsync(area, period, null, cancellationToken))!;
        // The summary is the data version's, for this area and period: every page showing it shares what is built from it.
        return await SharedFigures<BeatsFigures>.GetAsync(summary, () => BuildAsync(figures, area, overview, period, summary, CancellationToken.None));
    }

    private static async Task<BeatsFigures> BuildAsync(
        IFiguresService figures, string? area, DataOverview overview, FinancialQuarter period, Summary summary, CancellationToken cancellationToken)
    {
        var range = TrendRange.FourYearsAround(period, overview);
        var rows = new List<BeatRow>();
        foreach (var beat in summary.Beats)
        {
            var trend = await figures.GetAreaTrendAsync(area, "crime", beat.Name, TrendGranularity.Quarter, range.From, range.To, cancellationToken);
            rows.Add(new BeatRow(beat, FigureCharts.Values(trend), FigureCharts.Describe("Crimes by quarter", trend)));
        }
        return new BeatsFigures(summary, rows);
    }
}
