using CommunitySafety.Data.Figures;
using Microsoft.AspNetCore.Components;

namespace CommunitySafety.Dashboard.Services;

/// <summary>The period a page shows, and a sentence when the address asked for something that could not be shown.</summary>
public sealed record PeriodSelection(FinancialQuarter? Period, string? Problem);

/// <summary>Turns the address's year and quarter into a period, and a period back into an address.</summary>
public static class PeriodChoice
{
    public const string YearKey = "year";
    public const string QuarterKey = "quarter";

    public static PeriodSelection Resolve(DataOverview overview, string? year, string? quarter)
    {
        var fallback = overview.DefaultQuarter ?? (overview.Quarters.Count > 0 ? overview.Quarters.Max() : null);
        if (string.IsNullOrWhiteSpace(year) && string.IsNullOrWhiteSpace(quarter)) return new(fallback, null);

        var fallbackWords = fallback is { } f ? $" Showing {f} instead." : "";
        var startYear = fallback?.StartYear ?? 0;
        if (!string.IsNullOrWhiteSpace(year) && !FinancialQuarter.TryParseYear(year, out startYear))
            return new(fallback, $"The link asks for the year '{year}', which is not a financial year like 2023-24.{fallbackWords}");
        if (fallback is null && string.IsNullOrWhiteSpace(year))
            return new(null, null);

        int quarterNumber;
        if (string.IsNullOrWhiteSpace(quarter))
            quarterNumber = LatestQuarterIn(overview, startYear) ?? 4;
        else if (!int.TryParse(quarter, out quarterNumber) || quarterNumber is < 1 or > 4)
            return new(fallback, $"The link asks for quarter '{quarter}'; a quarter is 1, 2, 3 or 4.{fallbackWords}");

        return new(new FinancialQuarter(startYear, quarterNumber), null);
    }

    /// <summary>Financial years that have data, latest first (plus the shown period's, should it have none).</summary>
    public static IReadOnlyList<int> Years(DataOverview overview, FinancialQuarter? shown) =>
        overview.Quarters.Select(q => q.StartYear)
            .Concat(shown is { } s ? [s.StartYear] : [])
            .Distinct().OrderDescending().ToList();

    /// <summary>The quarters of a year that have data, or all four when none has (so the picker never empties).</summary>
    public static IReadOnlyList<int> QuartersIn(DataOverview overview, int startYear, FinancialQuarter? shown)
    {
        var quarters = overview.Quarters.Where(q => q.StartYear == startYear).Select(q => q.Quarter)
            .Concat(shown is { } s && s.StartYear == startYear ? [s.Quarter] : [])
            .Distinct().Order().ToList();
        return quarters.Count > 0 ? quarters : [1, 2, 3, 4];
    }

    /// <summary>Moving to another year keeps the quarter where that year has it, else takes the year's latest.</summary>
    public static FinancialQuarter ForYear(DataOverview overview, int startYear, int preferredQuarter)
    {
        var available = overview.Quarters.Where(q => q.StartYear == startYear).Select(q => q.Quarter).ToList();
        var quarter = available.Count == 0 || available.Contains(preferredQuarter) ? preferredQuarter : available.Max();
        return new FinancialQuarter(startYear, quarter);
    }

    public static int? LatestQuarterIn(DataOverview overview, int startYear) =>
        overview.Quarters.Where(q => q.StartYear == startYear).Select(q => (int?)q.Quarter).Max();

    /// <summary>The current address with the period's year and quarter (other parameters kept).</summary>
    public static string Url(NavigationManager navigation, FinancialQuarter period) =>
        navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            [YearKey] = period.FinancialYear,
            [QuarterKey] = period.Quarter,
        });

    /// <summary>"Q1 (Apr-Jun)".</summary>
    public static string QuarterLabel(int quarter) => quarter switch
    {
        1 => "Q1 (Apr-Jun)",
        2 => "Q2 (Jul-Sep)",
        3 => "Q3 (Oct-Dec)",
        _ => "Q4 (Jan-Mar)",
    };

    /// <summary>"Apr 2023 to Jun 2023": the months of the year to date.</summary>
    public static string YearToDateMonths(FinancialQuarter period) =>
        $"{period.FirstMonthOfYear.ToDisplayString()} to {period.LastMonth.ToDisplayString()}";
}
