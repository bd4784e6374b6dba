using CommunitySafety.Dashboard.Services;
using CommunitySafety.Data.Access;
using CommunitySafety.Data.ActionPlan;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CommunitySafety.Dashboard.Components.Pages.MyActions;

/// <summary>
/// A lead's actions and projects for the open quarter, with what is still missing, to update on a phone; a Manager sees
/// every action, who has not updated yet, and closes the quarter.
/// </summary>
public partial class MyActionsPage
{
    public const string LoadFailedMessage =
        "Your actions could not be loaded just now. Try again in a moment; if it keeps happening, tell the dashboard's administrator.";

    private ProgressView? _view;
    private Person? _person;
    private bool _loaded;
    private int? _editingActionId;
    private bool _confirmClose;
    private bool _onlyMissing;

    /// <summary>The plan year; the latest when absent.</summary>
    [SupplyParameterFromQuery(Name = PeriodChoice.YearKey)] public string? Year { get; set; }

    protected override string LoadFailedSentence => LoadFailedMessage;

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        _person ??= await CurrentPerson.GetAsync();
        try
        {
            var year = string.IsNullOrWhiteSpace(Year) ? (await Plans.GetYearsAsync(cancellationToken)).FirstOrDefault() : Year;
            var view = year is null ? null : await Plans.GetProgressAsync(year, null, cancellationToken);
            if (IsLatest(cancellationToken)) _view = view;
        }
        finally
        {
            _loaded = true;
        }
    }

    private bool Mine(string? lead) => LeadNames.Matches(lead, _person?.LeadName);

    private bool MayEdit(string? lead) => _person?.MayEditReturnOf(lead) == true;

    /// <summary>A Manager sees every action (or those with something missing); a lead, those they lead.</summary>
    private IReadOnlyList<ActionProgressView> Shown(ProgressView view) =>
        view.Actions.Where(a => _person?.IsManager == true ? !_onlyMissing || a.Missing.Count > 0 : Mine(a.Lead)).ToList();

    private IReadOnlyList<ProjectProgressView> ShownProjects(ProgressView view) =>
        view.Projects.Where(p => _person?.IsManager == true || Mine(p.Lead)).ToList();

    private string ActionsHeading => _person?.IsManager == true ? "Every action" : $"The actions you lead{(_person?.LeadName is { } lead ? $" ({lead})" : "")}";

    private string MissingSentence(ProgressView view)
    {
        var shown = Shown(view);
        var missing = shown.Count(a => a.Missing.Count > 0);
        return $"{shown.Count} action{(shown.Count == 1 ? "" : "s")}; {missing} with something missing for Q{view.Quarter}.";
    }

    private static string Short(string text)
    {
        var line = text.Split('\n')[0];
        return line.Length <= 80 ? line : line[..77] + "...";
    }

    private async Task SavedAsync()
    {
        _editingActionId = null;
        Snackbar.Add("The progress has been saved.", Severity.Success);
        await RefreshAsync();
    }

    private async Task CloseQuarterAsync()
    {
        _confirmClose = false;
        var outcome = await Plans.CloseQuarterAsync(_view!.FinancialYear, _view.Quarter, await CurrentPerson.GetAsync());
        if (!outcome.Saved)
        {
            Snackbar.Add(string.Join(" ", outcome.Problems), Severity.Warning);
            return;
        }
        Snackbar.Add($"Q{_view.Quarter} has been closed.", Severity.Success);
        await RefreshAsync();
    }
}
