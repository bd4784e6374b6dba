using static CommunitySafety.Tests.TestMonths;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Model;

namespace CommunitySafety.Tests.Components;

/// <summary>Figures made up by the test, and a record of what the page asked for.</summary>
public sealed class FakeFiguresService : IFiguresService
{
    public DataOverview Overview { get; set; } = TestFigures.Overview();

    public Func<FinancialQuarter, string?, Summary> Summaries { get; set; } = (period, beat) => TestFigures.Summary(period, beat);

    public List<(FinancialQuarter Period, string? Beat)> SummaryRequests { get; } = [];

    public Task<DataOverview> GetOverviewAsync(CancellationToken cancellationToken = default) => Task.FromResult(Overview);

    public Task<Summary> GetSummaryAsync(FinancialQuarter period, string? beat = null, CancellationToken cancellationToken = default)
    {
        lock (SummaryRequests) SummaryRequests.Add((period, beat));
        return Task.FromResult(Summaries(period, beat));
    }

    public IReadOnlyList<string> Areas { get; set; } = ["Harborough"];

    public Task<IReadOnlyList<string>> GetAreasAsync(CancellationToken cancellationToken = default) => Task.FromResult(Areas);

    /// <summary>The area of each summary asked for (null: the home area).</summary>
    public List<string?> AreaRequests { get; } = [];

    public async Task<Summary?> GetAreaSummaryAsync(string? area, FinancialQuarter period, string? beat = null, CancellationToken cancellationToken = default)
    {
        lock (AreaRequests) AreaRequests.Add(area);
        return area is null || Areas.Contains(area, StringComparer.OrdinalIgnoreCase) ? await GetSummaryAsync(period, beat, cancellationToken) : null;
    }

    public Task<IReadOnlyList<string>?> GetGroupAsync(string? area, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>?>(null);

    public Task<IReadOnlyList<string>> SetGroupAsync(string? area, IReadOnlyList<string> members, string? chosenBy, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The component tests do not choose groups.");

    public Task<Comparison> GetComparisonAsync(ComparisonRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The component tests do not compare areas.");

    public async Task<DataOverview?> GetAreaOverviewAsync(string? area, CancellationToken cancellationToken = default) =>
        area is null || Areas.Contains(area, StringComparer.OrdinalIgnoreCase) ? await GetOverviewAsync(cancellationToken) : null;

    public Task<TrendSeries?> GetAreaTrendAsync(string? area, string measure, string? beat, TrendGranularity by, YearMonth? from = null, YearMonth? to = null,
        CancellationToken cancellationToken = default) => GetTrendAsync(measure, beat, by, from, to, cancellationToken);

    public Task<IReadOnlyList<NamedMeasure>> GetAreaCrimeTypeLocationTypesAsync(
        string? area, FinancialQuarter period, string crimeType, string? beat = null, CancellationToken cancellationToken = default) =>
        GetCrimeTypeLocationTypesAsync(period, crimeType, beat, cancellationToken);

    public Task<ComparisonTrend> GetComparisonTrendAsync(
        ComparisonRequest request, FinancialQuarter first, FinancialQuarter last, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The component tests do not compare areas.");

    public Task<IReadOnlyList<NamedMeasure>> GetCrimeTypeLocationTypesAsync(
        FinancialQuarter period, string crimeType, string? beat = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<NamedMeasure>>(
        [
            new("Street", 40, 30, 10, 33.3, 1.7, Significance.None),
            new("Residential", 25, 28, -3, -10.7, -0.58, Significance.None),
        ]);

    public Task<TrendSeries?> GetTrendAsync(string measure, string? beat, TrendGranularity by, YearMonth? from = null, YearMonth? to = null,
        CancellationToken cancellationToken = default)
    {
        var start = from ?? new YearMonth(2019, 4);
        var end = to ?? new YearMonth(2023, 9);
        var points = new List<TrendPoint>();
        if (by == TrendGranularity.Month)
        {
            foreach (var month in YearMonth.Range(start, end)) points.Add(new(month.ToString(), month.ToDisplayString(), 100 + month.Month));
        }
        else
        {
            for (var q = FinancialQuarter.Containing(start); q.FirstMonth <= end; q = q.NextQuarter)
                points.Add(new($"{q.FinancialYear} Q{q.Quarter}", q.ToString(), 300 + q.Quarter * 10));
        }
        return Task.FromResult<TrendSeries?>(new TrendSeries(measure, beat, by, points));
    }
}

public static class TestFigures
{
    public static readonly FinancialQuarter Q1 = new(2023, 1);
    public static readonly FinancialQuarter Q2 = new(2023, 2);

    public static DataOverview Overview() => new(
        Quarters: [new(2022, 1), new(2022, 2), new(2022, 3), new(2022, 4), Q1, Q2],
        DefaultQuarter: Q1,
        Beats: ["Harborough North", "Harborough Town"],
        CrimeTypes: ["Criminal Damage", "Violence Without Injury"],
        IsSampleData: true);

    public static Measure Measure(int current, int previous, Significance significance = Significance.None)
    {
        double? percent = previous == 0 ? null : Math.Round((current - previous) * 100.0 / previous, 1, MidpointRounding.AwayFromZero);
        var z = Math.Round(2 * (Math.Sqrt(current) - Math.Sqrt(previous)), 2);
        return new Measure(current, previous, current - previous, percent, z, significance);
    }

    public static NamedMeasure Named(string name, int current, int previous, Significance significance = Significance.None)
    {
        var m = Measure(current, previous, significance);
        return new NamedMeasure(name, m.Current, m.Previous, m.Change, m.ChangePercent, m.Z, m.Significance);
    }

    public static Summary Summary(FinancialQuarter period, string? beat = null, int asbCurrent = 812) => new(
        Area: "Harborough",
        FinancialYear: period.FinancialYear,
        Quarter: period.Quarter,
        Current: new MonthSpan(period.FirstMonthOfYear, period.LastMonth),
        Previous: new MonthSpan(period.PreviousYear.FirstMonthOfYear, period.PreviousYear.LastMonth),
        DataComplete: true,
        MissingMonths: [],
        Asb: Measure(asbCurrent, 1084, Significance.Real),
        Crime: Measure(1510, 1553),
        Domestic: null,
        CrimeTypes: [Named("Violence Without Injury", 400, 410), Named("Criminal Damage", 180, 148, Significance.Possible)],
        Beats:
        [
            new BeatMeasures("Harborough North", Measure(300, 350, Significance.Possible), Measure(500, 480), null),
            new BeatMeasures("Harborough Town", Measure(250, 330, Significance.Real), Measure(420, 430), null),
        ],
        LocationTypes: new LocationTypeMeasures([Named("Residential", 400, 500, Significance.Real)], [Named("Dwelling", 300, 310)], []),
        Headlines: new Headlines("Violence Without Injury", "Criminal Damage", "Harborough North",
            ["Harborough North", "Harborough Town"], null, "Residential", null),
        Narrative: [$"There has been a -25.1% decrease in the number of ASB incidents in Harborough in {period}."]);
}
