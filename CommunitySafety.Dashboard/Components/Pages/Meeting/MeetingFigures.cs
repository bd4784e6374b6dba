using CommunitySafety.Dashboard.Components.Charts;
using CommunitySafety.Dashboard.Components.Shared;
using CommunitySafety.Data.ActionPlan;
using CommunitySafety.Data.Figures;

namespace CommunitySafety.Dashboard.Components.Pages.Meeting;

public enum SlideKind { Headlines, AsbTrend, CrimeTypes, Beats, Comparison, Priority, OpccReturn }

/// <summary>A slide; the subtitle says what it shows when the title alone does not.</summary>
public sealed record MeetingSlide(string Title, SlideKind Kind, string? Subtitle = null, PriorityView? Priority = null);

/// <summary>The figures of the quarterly meeting, and its slides in the order the strategy group goes through them.</summary>
/// <remarks><see cref="SimilarAreas"/>: the headline measures against similar areas, where a population is known (a slide of its own).</remarks>
public sealed record MeetingFigures(
    Summary Summary, ChartData AsbTrend, ChartData CrimeTypes, PlanAtPeriod? Plan, IReadOnlyList<Compare.SimilarAreasLine>? SimilarAreas = null)
{
    /// <summary>A slide's chart cannot name every crime type in type that reads across a room.</summary>
    public const int CrimeTypesShown = 10;

    /// <summary>The first headline measure's rates against the group's, for the comparison slide.</summary>
    public RateChartData? SimilarAreasChart { get; } =
        SimilarAreas is { Count: > 0 } lines ? Compare.ComparisonCharts.Rates(lines[0].Comparison, lines[0].MeasureLabel) : null;

    public IReadOnlyList<MeetingSlide> Slides { get; } =
    [
        new("Headline figures", SlideKind.Headlines),
        new("ASB by quarter over four years", SlideKind.AsbTrend),
        new("Crime types", SlideKind.CrimeTypes, CrimeTypes.Title),
        new("Beats", SlideKind.Beats),
        .. SimilarAreas is { Count: > 0 } similar
            ? [new MeetingSlide("Against similar areas", SlideKind.Comparison, $"Per 1,000 residents, year to date, against {Data.Words.And(similar[0].GroupWithPopulation)}")]
            : Array.Empty<MeetingSlide>(),
        .. Plan?.Plan.Priorities.Select(p => new MeetingSlide($"Priority {p.Number}: {p.Name}", SlideKind.Priority, p.Description, p)) ?? [],
        .. Plan?.Spend is not null ? [new MeetingSlide("OPCC return: RAG and spend", SlideKind.OpccReturn, OpccSubtitle(Plan))] : Array.Empty<MeetingSlide>(),
    ];

    public static async Task<MeetingFigures> LoadAsync(
        IFiguresService figures, IActionPlanService plans, DataOverview overview, FinancialQuarter period, CancellationToken cancellationToken)
    {
        var summary = await figures.GetSummaryAsync(period, null, cancellationToken);
        await BeatTable.RowsAsync(summary);
        // The summary is the data version's for the period (a plan edit is a new version too): every open meeting showing
        // it shares what is built from it, rather than each reading the plan and drawing the charts again on a change.
        return await SharedFigures<MeetingFigures>.GetAsync(summary, () => BuildAsync(figures, plans, overview, period, summary, CancellationToken.None));
    }

    private static async Task<MeetingFigures> BuildAsync(
        IFiguresService figures, IActionPlanService plans, DataOverview overview, FinancialQuarter period, Summary summary, CancellationToken cancellationToken)
    {
        var range = TrendRange.FourYearsAround(period, overview);
        var asb = await figures.GetTrendAsync("asb", null, TrendGranularity.Quarter, range.From, range.To, cancellationToken);
        var similar = summary.Asb?.Rate is not null || summary.Crime?.Rate is not null
            ? await Compare.SimilarAreas.LoadAsync(figures, null, period, cancellationToken)
            : [];
        return new MeetingFigures(
            summary,
            FigureCharts.Trend("ASB incidents by quarter", [("ASB incidents", asb)], range),
            FigureCharts.TopCrimeTypes(summary.CrimeTypes, CrimeTypesShown),
            await plans.GetPlanAtPeriodAsync(period, cancellationToken),
            similar);
    }

    private static string OpccSubtitle(PlanAtPeriod plan) =>
        plan.ReturnName is { } name ? $"The {name}, and spend against the year's allocation" : "No return yet; spend against the year's allocation";
}
