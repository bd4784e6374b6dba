using CommunitySafety.Dashboard.Components.Charts;
using CommunitySafety.Dashboard.Components.Shared;
using CommunitySafety.Data.ActionPlan;
using CommunitySafety.Data.Figures;

namespace CommunitySafety.Dashboard.Components.Pages.Measures;

public sealed record MeasuresFigures(IReadOnlyList<PartnershipMeasureView> Measures);

/// <summary>The partnership's own measures as figures: a quarterly trend chart with its table, and the change against a year before.</summary>
public partial class MeasuresPage
{
    protected override async Task<MeasuresFigures> LoadFiguresAsync(DataOverview overview, FinancialQuarter period, CancellationToken cancellationToken) =>
        new(await Plans.GetMeasuresAsync(period, cancellationToken));

    private readonly Dictionary<string, (object Figure, ChartData Data)> _charts = [];

    /// <summary>One chart data per measure's figure, kept while the figure is the same, so a redraw does not rebuild the chart.</summary>
    private ChartData Chart(PartnershipMeasureView measure, FinancialQuarter period)
    {
        if (_charts.TryGetValue(measure.Name, out var kept) && ReferenceEquals(kept.Figure, measure.Figure)) return kept.Data;
        var data = FigureCharts.Trend($"{measure.Name} by quarter", [(measure.Name, measure.Figure.Trend)], null);
        var marked = period.ToString();
        data = data with { MarkedCategory = data.Categories.Contains(marked) ? marked : null, MarkedLabel = $"Selected: {period}" };
        _charts[measure.Name] = (measure.Figure, data);
        return data;
    }

    /// <summary>"Q2 2023-24: 1,250, against 1,000 in Q2 2022-23 (+25.0%, a real change)."</summary>
    public static string Describe(PartnershipMeasureView measure, FinancialQuarter period)
    {
        var figure = measure.Figure;
        if (figure.Recorded is not { } value) return $"No value has been recorded for {period} yet.";
        if (figure.Measure is not { } compared) return $"{period}: {MeasureView.Count(value)}; none was recorded for {period.PreviousYear} to compare with.";
        var view = MeasureView.Of(compared);
        return $"{period}: {MeasureView.Count(value)}, against {MeasureView.Count(compared.Previous)} in {period.PreviousYear} " +
               $"({view.ChangePercentText}, {MeasureView.SignificanceText(compared.Significance).ToLowerInvariant()}).";
    }
}
