using CommunitySafety.Dashboard.Components.Charts;
using CommunitySafety.Data.Figures;

namespace CommunitySafety.Dashboard.Components.Pages.Meeting;

public enum SlideKind { Headlines, AsbTrend, CrimeTypes, Beats }

public sealed record MeetingSlide(string Title, SlideKind Kind);

/// <summary>The figures of the quarterly meeting, and its slides in the order the strategy group goes through them.</summary>
public sealed record MeetingFigures(Summary Summary, ChartData AsbTrend, ChartData CrimeTypes)
{
    /// <summary>A slide's chart cannot show every crime type in type that reads across a room.</summary>
    public const int CrimeTypesShown = 10;

    public IReadOnlyList<MeetingSlide> Slides { get; } =
    [
        new("Headline figures", SlideKind.Headlines),
        new("ASB by quarter over four years", SlideKind.AsbTrend),
        new("Crime types", SlideKind.CrimeTypes),
        new("Beats", SlideKind.Beats),
    ];

    public static async Task<MeetingFigures> LoadAsync(
        IFiguresService figures, DataOverview overview, FinancialQuarter period, CancellationToken cancellationToken)
    {
        var range = TrendRange.FourYearsAround(period, overview);
        var summary = await figures.GetSummaryAsync(period, null, cancellationToken);
        var asb = await figures.GetTrendAsync("asb", null, TrendGranularity.Quarter, range.From, range.To, cancellationToken);
        var shownTypes = Math.Min(CrimeTypesShown, summary.CrimeTypes.Count);
        return new MeetingFigures(
            summary,
            FigureCharts.Trend("ASB incidents by quarter", [("ASB incidents", asb)], range),
            FigureCharts.Comparison(
                shownTypes < summary.CrimeTypes.Count ? $"The {shownTypes} most common crime types, this year to date against last" : "Crime types, this year to date against last",
                "Crime type", summary.CrimeTypes, CrimeTypesShown));
    }
}
