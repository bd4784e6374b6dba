using CommunitySafety.Data.Model;

namespace CommunitySafety.Data.Figures;

/// <summary>What there is to look at: the quarters with data, the default one, the beats and crime types.</summary>
public sealed record DataOverview(
    IReadOnlyList<FinancialQuarter> Quarters,
    FinancialQuarter? DefaultQuarter,
    IReadOnlyList<string> Beats,
    IReadOnlyList<string> CrimeTypes,
    bool IsSampleData);

/// <summary>The figures the dashboard and the API show, read from the live data (the latest import of each month).</summary>
public interface IFiguresService
{
    Task<DataOverview> GetOverviewAsync(CancellationToken cancellationToken = default);

    /// <summary>The district's summary, or one beat's (same shape, counted over that beat's records only).</summary>
    Task<Summary> GetSummaryAsync(FinancialQuarter period, string? beat = null, CancellationToken cancellationToken = default);

    /// <summary>Every area stored: the home area (Area:Name) first, then the others by name.</summary>
    Task<IReadOnlyList<string>> GetAreasAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The summary of the area named <paramref name="area"/> (null: the home area, the same as <see cref="GetSummaryAsync"/>),
    /// or of one of its beats; null when no such area is stored.
    /// </summary>
    Task<Summary?> GetAreaSummaryAsync(string? area, FinancialQuarter period, string? beat = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// An area's measure against its group's (areas-and-rates.md): rates, 95% intervals, ranks and the verdict.
    /// Throws <see cref="ComparisonProblem"/>, with a sentence, for an unknown measure or area.
    /// </summary>
    Task<Comparison> GetComparisonAsync(ComparisonRequest request, CancellationToken cancellationToken = default);

    /// <summary>The group a Manager chose for the area (null: the home area), sorted; null when none was chosen.</summary>
    Task<IReadOnlyList<string>?> GetGroupAsync(string? area, CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps the group the area is compared with (the area itself is left out; an empty list clears it, so every other area
    /// is the group again). Gives back the group kept. Throws <see cref="ComparisonProblem"/> for an area not held.
    /// </summary>
    Task<IReadOnlyList<string>> SetGroupAsync(string? area, IReadOnlyList<string> members, string? chosenBy, CancellationToken cancellationToken = default);

    /// <summary>What there is to look at in the area named (null: the home area); null when no such area is held.</summary>
    Task<DataOverview?> GetAreaOverviewAsync(string? area, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="GetTrendAsync"/>, in the area named (null: the home area); null for an area not held.</summary>
    Task<TrendSeries?> GetAreaTrendAsync(
        string? area, string measure, string? beat, TrendGranularity by, YearMonth? from = null, YearMonth? to = null,
        CancellationToken cancellationToken = default);

    /// <summary>As <see cref="GetCrimeTypeLocationTypesAsync"/>, in the area named (null: the home area).</summary>
    Task<IReadOnlyList<NamedMeasure>> GetAreaCrimeTypeLocationTypesAsync(
        string? area, FinancialQuarter period, string crimeType, string? beat = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// The area's rate of the request's measure against its group's (the same group as <see cref="GetComparisonAsync"/>),
    /// quarter by quarter from <paramref name="first"/> to <paramref name="last"/>. Throws <see cref="ComparisonProblem"/> as it does.
    /// </summary>
    Task<ComparisonTrend> GetComparisonTrendAsync(
        ComparisonRequest request, FinancialQuarter first, FinancialQuarter last, CancellationToken cancellationToken = default);

    /// <summary>Where one crime type happened: its location types this year to date against last, district-wide or in one beat.</summary>
    Task<IReadOnlyList<NamedMeasure>> GetCrimeTypeLocationTypesAsync(
        FinancialQuarter period, string crimeType, string? beat = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// A trend line of "asb", "crime", "domestic" or a crime type, for the district or one beat, from
    /// <paramref name="from"/> to <paramref name="to"/> (default: every month with data).
    /// Null when the measure is not one of those.
    /// </summary>
    Task<TrendSeries?> GetTrendAsync(
        string measure,
        string? beat,
        TrendGranularity by,
        YearMonth? from = null,
        YearMonth? to = null,
        CancellationToken cancellationToken = default);
}
