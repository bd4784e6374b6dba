using CommunitySafety.Dashboard.Components.Shared;
using CommunitySafety.Dashboard.Services;
using CommunitySafety.Data.ActionPlan;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CommunitySafety.Dashboard.Components.Pages.QuarterlyReturn;

public partial class QuarterlyReturnPage
{
    public const string LoadFailedMessage =
        "The return could not be loaded just now. Try again in a moment; if it keeps happening, tell the dashboard's administrator.";

    private ReturnsView? _view;
    private bool _loaded;
    private int? _editingProjectId;
    private bool _confirmNextQuarter;

    /// <summary>The plan year; the latest when absent.</summary>
    [SupplyParameterFromQuery(Name = PeriodChoice.YearKey)] public string? Year { get; set; }

    /// <summary>The quarter's table to show; the open quarter when absent (or not a quarter).</summary>
    [SupplyParameterFromQuery(Name = PeriodChoice.QuarterKey)] public string? QuarterText { get; set; }

    // Read as text: an address someone mistyped (quarter=x) shows the open quarter instead of failing.
    private int? Quarter => int.TryParse(QuarterText, out var quarter) ? quarter : null;

    protected override string LoadFailedSentence => LoadFailedMessage;

    /// <summary>Who is looking: the Edit buttons and "Start the return" are offered only to those who may use them.</summary>
    private CommunitySafety.Data.Access.Person? _person;

    // Another officer's save reaches this page through the change log, as imports do.
    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        _person ??= await CurrentPerson.GetAsync();
        try
        {
            // A year that has no plan falls back to the latest year's rather than showing nothing.
            var view = await Plans.GetReturnsAsync(Year, cancellationToken) ?? await Plans.GetReturnsAsync(null, cancellationToken);
            if (IsLatest(cancellationToken)) _view = view;
        }
        finally
        {
            _loaded = true;
        }
    }

    private QuarterReturnView ShownQuarter(ReturnsView view) =>
        view.Quarters.FirstOrDefault(q => q.Quarter == Quarter)
        ?? view.Quarters.FirstOrDefault(q => q.IsOpen)
        ?? new QuarterReturnView(0, "No return yet", false, [], view.Spend);

    private static string QuarterLink(ReturnsView view, int quarter) => Links.Return(view.FinancialYear, quarter);

    private void Go(string year, int? quarter) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            [PeriodChoice.YearKey] = year,
            [PeriodChoice.QuarterKey] = quarter,
        }));

    private async Task EditDoneAsync(bool saved)
    {
        _editingProjectId = null;
        if (saved)
        {
            Snackbar.Add("The return has been saved.", Severity.Success);
            await RefreshAsync();
        }
    }

    private async Task StartNextQuarterAsync()
    {
        _confirmNextQuarter = false;
        var outcome = await Plans.StartNextQuarterAsync(_view!.FinancialYear, await CurrentPerson.GetAsync());
        if (!outcome.Saved)
        {
            Snackbar.Add(string.Join(" ", outcome.Problems), Severity.Warning);
            return;
        }
        await RefreshAsync();
        Go(_view!.FinancialYear, _view.OpenQuarter);
    }
}
