using CommunitySafety.Dashboard.Services;
using CommunitySafety.Data.ActionPlan;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Model;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CommunitySafety.Dashboard.Components.Pages.PlanEditor;

/// <summary>The Manager's editor of a year's plan: one panel (a form, the figures, the history) open at a time.</summary>
public partial class PlanEditorPage
{
    public const string LoadFailedMessage =
        "The plan could not be loaded just now. Try again in a moment; if it keeps happening, tell the dashboard's administrator.";

    public const string EditPanel = "edit";
    public const string LinksPanel = "links";
    public const string MeasurePanel = "measure";
    public const string HistoryPanel = "history";
    private const string AddAction = "add-action";
    private const string AddObjective = "add-objective";
    private const string AddPriority = "add-priority";
    private const string AddProject = "add-project";
    private const string ObjectiveLabel = "Objective";
    private const string MeasureLabel = "The measure's name, as it will show beside the police figures";
    private const string MeasureHelp = "A count recorded each quarter, such as Referrals made; one already recorded for another action can be named again";

    private PlanEditorView? _view;
    private bool _loaded;
    private string? _panel;
    private FinancialQuarter _period;

    /// <summary>The plan year; the latest when absent.</summary>
    [SupplyParameterFromQuery(Name = PeriodChoice.YearKey)] public string? Year { get; set; }

    protected override string LoadFailedSentence => LoadFailedMessage;

    public static string Key(string panel, PlanItem item) => $"{panel}:{item.Kind}:{item.Id}";

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var year = string.IsNullOrWhiteSpace(Year) ? (await Plans.GetYearsAsync(cancellationToken)).FirstOrDefault() : Year;
            var view = year is null ? null : await Plans.GetEditorAsync(year, cancellationToken);
            // Figures are previewed at the latest quarter with data (or the plan's first quarter when there is none).
            var overview = await FiguresService.GetOverviewAsync(cancellationToken);
            FinancialQuarter.TryParseYear(view?.FinancialYear, out var startYear);
            var period = overview.DefaultQuarter ?? new FinancialQuarter(startYear, 1);
            if (!IsLatest(cancellationToken)) return;
            (_view, _period) = (view, period);
        }
        finally
        {
            _loaded = true;
        }
    }

    private void Open(string panel) => _panel = _panel == panel ? null : panel;

    private void Close() => _panel = null;

    private async Task SavedAsync()
    {
        _panel = null;
        Snackbar.Add("Saved.", Severity.Success);
        await RefreshAsync();
    }

    private async Task Tell(SaveOutcome outcome)
    {
        if (outcome.Saved) await RefreshAsync();
        else Snackbar.Add(string.Join(" ", outcome.Problems), Severity.Warning);
    }

    private async Task MoveAsync((PlanItem Item, int By) move) =>
        await Tell(await Plans.MoveAsync(_view!.FinancialYear, move.Item, move.By, await CurrentPerson.GetAsync()));

    private async Task RetireAsync((PlanItem Item, bool Retire) retire) =>
        await Tell(await Plans.RetireAsync(_view!.FinancialYear, retire.Item, retire.Retire, await CurrentPerson.GetAsync()));

    private static int Unconfirmed(PlanEditorView view) =>
        view.Priorities.Where(p => !p.Retired).Sum(p =>
            p.Indicators.Count(i => !i.LinksConfirmed && i.Links.Count > 0)
            + p.Objectives.Where(o => !o.Retired).SelectMany(o => o.Actions).Count(a => !a.Retired && !a.LinksConfirmed && a.Links.Count > 0));

    private static string LinkWords(IReadOnlyList<MeasureLink> links, bool confirmed) =>
        links.Count == 0 ? "none linked" : string.Join("; ", links.Select(LinkedFigures.Label)) + (confirmed ? "" : " (suggested, not confirmed)");

    private static IReadOnlyList<PlanFormField> PriorityFields(PriorityEditorView? priority) =>
    [
        new("Name", priority?.Name),
        new("Description", priority?.Description, 3),
        new("Focus areas", priority is null ? null : string.Join("\n", priority.FocusAreas), 3, "One a line"),
        new("Links to other plans", priority?.LinksToOtherPlans, 2),
        new("Funding", priority?.Funding, 2),
    ];

    private static IReadOnlyList<PlanFormField> ActionFields(ActionEditorView? action) =>
    [
        new("Action", action?.Text, 3),
        new("Success measures", action is null ? null : string.Join("\n", action.SuccessMeasures), 3, "One a line"),
        new("Lead", action?.Lead, Help: "The lead name of the accounts that update it, such as CS Team; several as CS Team/Police"),
        new("Funding", action?.Funding, Help: "In the plan's words, such as part of campaign pot"),
        new("Funding amount (£)", action?.FundingAmount?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), Help: "In pounds, if it names one"),
        new("Deadline", action?.Deadline, Help: "Such as November 2023 or Q3"),
        new("Linked plans", action?.LinkedPlans, 2),
    ];

    private static IReadOnlyList<PlanFormField> ProjectFields(PlanEditorView view, ProjectEditorView? project) =>
    [
        new("Name", project?.Name),
        new("Delivers the action", project?.ActionId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", Choices:
        [
            ("", "No action of the plan"),
            .. view.Priorities.Where(p => !p.Retired).SelectMany(p => p.Objectives).Where(o => !o.Retired).SelectMany(o => o.Actions).Where(a => !a.Retired)
                .Select(a => (a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Short(a.Text))),
        ]),
    ];

    private async Task<SaveOutcome> SavePriority(int? id, IReadOnlyList<string?> v) =>
        await Plans.SavePriorityAsync(_view!.FinancialYear, new PriorityEdit(id, v[0], v[1], v[2], v[3], v[4]), await CurrentPerson.GetAsync());

    private async Task<SaveOutcome> SaveObjective(int priorityId, int? id, IReadOnlyList<string?> v) =>
        await Plans.SaveObjectiveAsync(_view!.FinancialYear, new ObjectiveEdit(id, priorityId, v[0]), await CurrentPerson.GetAsync());

    private async Task<SaveOutcome> SaveAction(int objectiveId, int? id, IReadOnlyList<string?> v) =>
        await Plans.SaveActionAsync(_view!.FinancialYear, new ActionEdit(id, objectiveId, v[0], v[1], v[2], v[3], v[4], v[5], v[6]), await CurrentPerson.GetAsync());

    private async Task<SaveOutcome> SaveProject(int? id, IReadOnlyList<string?> v) =>
        await Plans.SaveProjectAsync(_view!.FinancialYear,
            new ProjectEdit(id, v[0], int.TryParse(v[1], out var actionId) ? actionId : null), await CurrentPerson.GetAsync());

    private async Task<SaveOutcome> AddMeasure(int actionId, IReadOnlyList<string?> v) =>
        await Plans.AddMeasureAsync(_view!.FinancialYear, actionId, v[0], await CurrentPerson.GetAsync());

    private static string Short(string text)
    {
        var line = text.Split('\n')[0].Trim();
        return line.Length <= 70 ? line : line[..67] + "...";
    }
}
