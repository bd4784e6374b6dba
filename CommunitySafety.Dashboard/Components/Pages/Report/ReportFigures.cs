using System.Globalization;
using CommunitySafety.Dashboard.Components.Charts;
using CommunitySafety.Dashboard.Components.Shared;
using CommunitySafety.Data.ActionPlan;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Import;
using CommunitySafety.Data.Model;
using CommunitySafety.Data.Storage;
using CommunitySafety.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Dashboard.Components.Pages.Report;

/// <summary>Everything the printed quarterly pack shows, laid out like the council's appendix.</summary>
public sealed record ReportFigures(
    Summary Summary,
    NarrativeSections Narrative,
    ChartData AsbTrend,
    ChartData AsbLocationTypes,
    ChartData CrimeTrend,
    ChartData CrimeTypes,
    PlanAtPeriod? Plan,
    string Sources)
{
    /// <summary>The chart names the most common; the table below it lists every crime type.</summary>
    public const int CrimeTypesCharted = 10;

    /// <summary>The headline measures against similar areas, where a population is known: the pack's comparison section.</summary>
    public IReadOnlyList<Compare.SimilarAreasLine> SimilarAreas { get; init; } = [];

    /// <summary>"Crime and ASB Data for Harborough District Quarter 1 2023-24", the appendix's own title.</summary>
    public string Title => $"Crime and ASB Data for {Summary.Area} District Quarter {Summary.Quarter} {Summary.FinancialYear}";

    /// <summary>"April to June 2023".</summary>
    public string CurrentMonths => Months(Summary.Current);

    public string PreviousMonths => Months(Summary.Previous);

    public IReadOnlyList<ChartData> Charts => [AsbTrend, AsbLocationTypes, CrimeTrend, CrimeTypes];

    /// <summary>The partnership's own measures in the quarter, against the same quarter a year before.</summary>
    public IReadOnlyList<PartnershipMeasureView> Measures { get; init; } = [];

    public static async Task<ReportFigures> LoadAsync(
        IFiguresService figures, IActionPlanService plans, ImportService imports, DataOverview overview,
        FinancialQuarter period, CancellationToken cancellationToken)
    {
        var range = TrendRange.FourYearsAround(period, overview);
        var summary = await figures.GetSummaryAsync(period, null, cancellationToken);
        await BeatTable.RowsAsync(summary);
        var asb = await figures.GetTrendAsync("asb", null, TrendGranularity.Quarter, range.From, range.To, cancellationToken);
        var crime = await figures.GetTrendAsync("crime", null, TrendGranularity.Quarter, range.From, range.To, cancellationToken);
        var history = await imports.HistoryAsync(cancellationToken);
        var similar = summary.Asb?.Rate is not null || summary.Crime?.Rate is not null
            ? await Compare.SimilarAreas.LoadAsync(figures, null, period, cancellationToken)
            : [];
        return new ReportFigures(
            summary,
            summary.NarrativeSections,
            FigureCharts.Trend("ASB incidents by quarter", [("ASB incidents", asb)], range),
            FigureCharts.Comparison("ASB by location type, this year to date against last", "Location type", summary.LocationTypes.Asb),
            FigureCharts.Trend("Crimes by quarter", [("Crimes", crime)], range),
            FigureCharts.TopCrimeTypes(summary.CrimeTypes, CrimeTypesCharted),
            await plans.GetPlanAtPeriodAsync(period, cancellationToken),
            ReportSources.Describe(history, range.From, range.To))
        {
            SimilarAreas = similar,
            Measures = await plans.GetMeasuresAsync(period, cancellationToken),
        };
    }

    /// <summary>"April to June 2023", or "January 2023 to March 2024" across a year's end.</summary>
    private static string Months(MonthSpan span) => span.From.Year == span.To.Year
        ? $"{Name(span.From, "MMMM")} to {span.To.ToLongDisplayString()}"
        : $"{span.From.ToLongDisplayString()} to {span.To.ToLongDisplayString()}";

    private static string Name(YearMonth month, string format) =>
        new DateTime(month.Year, month.Month, 1).ToString(format, CultureInfo.InvariantCulture);
}
