using CommunitySafety.Dashboard.Components.Shared;
using CommunitySafety.Dashboard.Services;
using CommunitySafety.Data.ActionPlan;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CommunitySafety.Dashboard.Components.Pages.ActionPlan;

public partial class ActionPlanPage
{
    // The filters live in the address, so a filtered view can be shared and survives a reload.
    public const string PriorityKey = "priority";
    public const string LeadKey = "lead";
    public const string RagKey = "rag";
    public const string WorseKey = "worse";


    private bool _confirmNextYear;

    // Numbers and flags are read as text, so a mistyped address shows the whole plan instead of failing.
    [SupplyParameterFromQuery(Name = PriorityKey)] public string? PriorityText { get; set; }
    [SupplyParameterFromQuery(Name = LeadKey)] public string? Lead { get; set; }
    [SupplyParameterFromQuery(Name = RagKey)] public string? Rag { get; set; }
    [SupplyParameterFromQuery(Name = WorseKey)] public string? WorseText { get; set; }

    private int? Priority => int.TryParse(PriorityText, out var priority) ? priority : null;

    private bool Worse => bool.TryParse(WorseText, out var worse) && worse;

    protected override async Task<ActionPlanFigures> LoadFiguresAsync(DataOverview overview, FinancialQuarter period, CancellationToken cancellationToken)
    {
        var filter = new PlanFilter(Priority, Lead, Rag, Worse);
        return new ActionPlanFigures(await Plans.GetPlanAsync(period, filter, cancellationToken), await Plans.GetYearsAsync(cancellationToken));
    }

    private void Filter(string key, string? value) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter(key, string.IsNullOrEmpty(value) ? null : value));

    private void FilterWorse(bool worse) => Filter(WorseKey, worse ? "true" : null);

    private static string FundingText(ActionView action) => (action.Funding, action.FundingAmount) switch
    {
        (null, null) => "None named",
        (null, { } amount) => Words.WholePounds(amount),
        ({ } words, _) => words,
    };

    private static string ReturnLink(PlanView plan, ProjectStatus project) => Links.Return(plan.FinancialYear, project.Quarter);

    private static string FocusText(PriorityView priority) =>
        string.Join("; ", priority.FocusAreas) + (priority.FocusNote is null ? "" : $" ({priority.FocusNote})");

    private static string ReturnWords(ProjectStatus project) =>
        project.Quarter is { } quarter ? $" in the Q{quarter} return" : " (no return yet)";

    private static string Shorten(string text)
    {
        var firstLine = text.Split('\n')[0];
        return firstLine.Length <= 80 ? firstLine : firstLine[..77] + "...";
    }

    private async Task StartNextYearAsync(PlanView plan)
    {
        var outcome = await Plans.StartNextYearAsync(plan.FinancialYear, await CurrentPerson.GetAsync());
        _confirmNextYear = false;
        if (outcome.Saved) Snackbar.Add("Next year's plan has been started: choose its year in the period picker to see it.", Severity.Success);
        else Snackbar.Add(string.Join(" ", outcome.Problems), Severity.Warning);
    }
}
