using CommunitySafety.Data.Figures;

namespace CommunitySafety.Dashboard.Api;

/// <summary>The ?year=2023-24&amp;quarter=1 of every endpoint, read the same way with the same sentences.</summary>
public static class ApiPeriod
{
    /// <summary>The period named by year and quarter; a sentence saying what is wrong when they do not name one.</summary>
    public static string? Read(string? year, string? quarter, out FinancialQuarter period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(year)) return "year is missing: give a financial year like 2023-24.";
        if (!FinancialQuarter.TryParseYear(year, out _)) return $"year must be a financial year like 2023-24, not '{year}'.";
        if (!int.TryParse(quarter, out var quarterNumber) || !FinancialQuarter.TryCreate(year, quarterNumber, out var created))
            return string.IsNullOrWhiteSpace(quarter) ? "quarter is missing: it must be 1, 2, 3 or 4." : $"quarter must be 1, 2, 3 or 4, not '{quarter}'.";
        period = created.Value;
        return null;
    }
}
