using CommunitySafety.Data.ActionPlan;
using CommunitySafety.Data.Figures;

namespace CommunitySafety.Dashboard.Services;

/// <summary>Addresses of the pages, carrying the period so a link opens the same view.</summary>
public static class Links
{
    public static string Overview(FinancialQuarter? period, string? area = null) => WithPeriod("", period, area);

    public static string Report(FinancialQuarter? period) => WithPeriod("report", period);

    public static string ReportPdf(FinancialQuarter? period) => WithPeriod("api/report.pdf", period);

    public static string Beat(string name, FinancialQuarter? period, string? area = null) =>
        WithPeriod($"beats/{Uri.EscapeDataString(name)}", period, area);

    public static string Beats(FinancialQuarter? period, string? area = null) => WithPeriod("beats", period, area);

    public static string CrimeTypes(FinancialQuarter? period, string? area = null) => WithPeriod("crime-types", period, area);

    public static string CrimeType(string name, FinancialQuarter? period, string? area = null) =>
        WithPeriod("crime-types", period, area, $"type={Uri.EscapeDataString(name)}");

    /// <summary>The comparison of an area (null: the home area) with its group, for a measure (null: ASB).</summary>
    public static string Compare(FinancialQuarter? period, string? area = null, string? measure = null) =>
        WithPeriod("compare", period, area, measure is null ? null : $"measure={Uri.EscapeDataString(measure)}");

    /// <summary>The OPCC return of a year, at a quarter's table (the open quarter's when none is given).</summary>
    public static string Return(string financialYear, int? quarter) =>
        $"action-plan/return?{PeriodChoice.YearKey}={financialYear}" + (quarter is { } q ? $"&{PeriodChoice.QuarterKey}={q}" : "");

    /// <summary>A quarter's return as the OPCC's spreadsheet or as CSV.</summary>
    public static string ReturnDownload(string financialYear, int quarter, ReturnFileFormat format) =>
        $"api/action-plan/return.{(format == ReturnFileFormat.Xlsx ? "xlsx" : "csv")}?{PeriodChoice.YearKey}={financialYear}&{PeriodChoice.QuarterKey}={quarter}";

    /// <summary>The full error report of a refused upload, while its Imports page is open.</summary>
    public static string ErrorReport(Guid id) => $"imports/error-report/{id:N}";

    /// <summary>A menu entry's address, keeping the period and area of the page in view (its ?year=&amp;quarter=&amp;area=).</summary>
    public static string KeepingPeriod(string path, string currentUri)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(currentUri).Query);
        var kept = new[] { PeriodChoice.YearKey, PeriodChoice.QuarterKey, AreaInView.AreaKey }
            .Where(query.ContainsKey)
            .Select(key => $"{key}={Uri.EscapeDataString(query[key].ToString())}")
            .ToList();
        return kept.Count == 0 ? path : $"{path}?{string.Join("&", kept)}";
    }

    private static string WithPeriod(string path, FinancialQuarter? period, string? area = null, string? extra = null)
    {
        var parts = new List<string>();
        if (period is { } p) parts.Add($"{PeriodChoice.YearKey}={p.FinancialYear}&{PeriodChoice.QuarterKey}={p.Quarter}");
        if (area is not null) parts.Add($"{AreaInView.AreaKey}={Uri.EscapeDataString(area)}");
        if (extra is not null) parts.Add(extra);
        return parts.Count == 0 ? path : $"{path}?{string.Join("&", parts)}";
    }
}
