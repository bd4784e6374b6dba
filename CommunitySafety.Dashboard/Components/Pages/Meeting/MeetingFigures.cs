using CommunitySafety.Dashboard.Components.Charts;
using CommunitySafety.Data.Figures;

namespace CommunitySafety.Dashboard.Components.Pages.Meeting;

public enum SlideKind { Headlines, AsbTrend, CrimeTypes, Beats }

/// <summary>A slide; the subtitle says what its chart shows when the title alone does not.</summary>
public sealed record MeetingSlide(string Title, SlideKind Kind, string? Subtitle = null);

/// <summary>The figures of the quarterly meeting, and its slides in the order the strategy group goes through them.</summary>
public sealed record MeetingFigures(Summary Summary, ChartData AsbTrend, ChartData CrimeTypes)
{
    /// <summary>A slide's chart cannot name every crime type in type that reads across a room.</summary>
    public const int CrimeTypesShown = 10;

    public IReadOnlyList<MeetingSlide> Slides { get; } =
    [
        new("Headline figures", SlideKind.Headlines),
        new("ASB by quarter over four years", SlideKind.AsbTrend),
        new("Crime types", SlideKind.CrimeTypes, CrimeTypes.Title),
        new("Beats", SlideKind.Beats),
    ];

    public static async Task<MeetingFigures> LoadAsync(
        IFiguresService figures, DataOverview overview, FinancialQuarter period, CancellationToken cancellationToken)
    {
        var range = TrendRange.FourYearsAround(period, overview);
        var summary = await figures.GetSummaryAsync(period, null, cancellationToken);
        var asb = await figures.GetTrendAsync("asb", null, TrendGranularity.Quarter, range.From, range.To, cancellationToken);
        return new MeetingFigures(
            summary,
            FigureCharts.Trend("ASB incidents by quarter", [("ASB incidents", asb)], range),
            FigureCharts.TopCrimeTypes(summary.CrimeTypes, CrimeTypesShown));
    }
}
