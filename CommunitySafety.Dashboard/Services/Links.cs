using CommunitySafety.Data.Figures;

namespace CommunitySafety.Dashboard.Services;

/// <summary>Addresses of the pages, carrying the period so a link opens the same view.</summary>
public static class Links
{
    public static string Overview(FinancialQuarter? period) => WithPeriod("", period);

    public static string Report(FinancialQuarter? period) => WithPeriod("report", period);

    public static string ReportPdf(FinancialQuarter? period) => WithPeriod("api/report.pdf", period);

    public static string Beat(string name, FinancialQuarter? period) => WithPeriod($"beats/{Uri.EscapeDataString(name)}", period);

    public static string Beats(FinancialQuarter? period) => WithPeriod("beats", period);

    public static string CrimeTypes(FinancialQuarter? period) => WithPeriod("crime-types", period);

    public static string CrimeType(string name, FinancialQuarter? period) =>
        WithPeriod("crime-types", period, $"type={Uri.EscapeDataString(name)}");

    private static string WithPeriod(string path, FinancialQuarter? period, string? extra = null)
    {
        var parts = new List<string>();
        if (period is { } p) parts.Add($"{PeriodChoice.YearKey}={p.FinancialYear}&{PeriodChoice.QuarterKey}={p.Quarter}");
        if (extra is not null) parts.Add(extra);
        return parts.Count == 0 ? path : $"{path}?{string.Join("&", parts)}";
    }
}
