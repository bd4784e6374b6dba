using CommunitySafety.Data.Figures;

namespace CommunitySafety.Dashboard.Components.Shared;

public static class PageTitleText
{
    /// <summary>"Overview, Q1 2023-24 - Harborough Community Safety".</summary>
    public static string For(string page, FinancialQuarter? period) =>
        period is { } p ? $"{page}, {p} - {AppName.Title}" : $"{page} - {AppName.Title}";
}
