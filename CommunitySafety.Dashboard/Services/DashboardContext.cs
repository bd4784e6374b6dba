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

    public event Action? Changed;

    public void Show(DataOverview overview, FinancialQuarter? period)
    {
        if (Equals(Period, period) && ReferenceEquals(Overview, overview)) return;
        Overview = overview;
        Period = period;
        Changed?.Invoke();
    }
}
