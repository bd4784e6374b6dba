using CommunitySafety.Data.Figures;

namespace CommunitySafety.Dashboard.Services;

/// <summary>
/// What the page in view is showing, for the shell around it (the app bar's period, the sample-data notice).
/// One per circuit.
/// </summary>
public sealed class DashboardContext
{
    public FinancialQuarter? Period { get; private set; }

    public DataOverview? Overview { get; private set; }

    /// <summary>The areas a page may show, the home area first; a choice is offered when there are several.</summary>
    public IReadOnlyList<string> Areas { get; private set; } = [];

    /// <summary>The area shown when it is not the home area; null for the home area (and on pages of the partnership's own).</summary>
    public string? Area { get; private set; }

    /// <summary>What the shell shows changed: the period, or whether the figures are the sample's.</summary>
    public event Action? Changed;

    /// <summary>Sets the area in view; shown with the next <see cref="Show"/>.</summary>
    public void ShowArea(IReadOnlyList<string> areas, string? area)
    {
        Areas = areas;
        Area = area;
    }

    public void Show(DataOverview overview, FinancialQuarter? period)
    {
        // Every change of data brings a new overview to every open page; the shell redraws only when it would look different.
        var shellChanges = !Equals(Period, period) || Overview?.IsSampleData != overview.IsSampleData;
        Overview = overview;
        Period = period;
        if (shellChanges) Changed?.Invoke();
    }
}
