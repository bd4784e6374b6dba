using CommunitySafety.Data.Figures;
using CommunitySafety.Data;

namespace CommunitySafety.Dashboard.Services;

/// <summary>The district the dashboard serves (setting Area:Name), for titles and labels.</summary>
public sealed class AppName(DataSettings settings)
{
    public string Area { get; } = string.IsNullOrWhiteSpace(settings.Area) ? "Harborough" : settings.Area.Trim();

    /// <summary>"Harborough Community Safety".</summary>
    public string Title => $"{Area} Community Safety";

    /// <summary>"Overview, Q1 2023-24 - Harborough Community Safety".</summary>
    public string PageTitle(string page, FinancialQuarter? period) =>
        period is { } p ? $"{page}, {p} - {Title}" : $"{page} - {Title}";
}
