using CommunitySafety.Data.Model;

namespace CommunitySafety.Data.ActionPlan;

// What the Manager types when building and amending the plan, and what the editor page shows.
// An Id of null adds a new item; texts are as typed (lists one item a line), checked by the service with a sentence.

/// <summary>An item of the plan, by kind and id.</summary>
public sealed record PlanItem(PlanItemKind Kind, int Id);

public sealed record PriorityEdit(int? Id, string? Name, string? Description, string? FocusAreas, string? LinksToOtherPlans, string? Funding);

public sealed record ObjectiveEdit(int? Id, int PriorityId, string? Text);

public sealed record ActionEdit(
    int? Id,
    int ObjectiveId,
    string? Text,
    string? SuccessMeasures,
    string? Lead,
    string? Funding,
    string? FundingAmount,
    string? Deadline,
    string? LinkedPlans);

/// <summary>An OPCC project: its name and the plan's action it delivers (whose lead is its lead).</summary>
public sealed record ProjectEdit(int? Id, string? Name, int? ActionId);

/// <summary>A whole year's plan as the Manager edits it, retired items included (marked), in order.</summary>
public sealed record PlanEditorView(
    string FinancialYear,
    string Title,
    int? OpenQuarter,
    IReadOnlyList<PriorityEditorView> Priorities,
    IReadOnlyList<ProjectEditorView> Projects);

public sealed record PriorityEditorView(
    int Id, int Number, string Name, string Description, IReadOnlyList<string> FocusAreas, string? LinksToOtherPlans, string? Funding, bool Retired,
    IReadOnlyList<IndicatorEditorView> Indicators, IReadOnlyList<ObjectiveEditorView> Objectives);

public sealed record IndicatorEditorView(int Id, string Text, IReadOnlyList<MeasureLink> Links, bool LinksConfirmed);

public sealed record ObjectiveEditorView(int Id, string Text, bool Retired, IReadOnlyList<ActionEditorView> Actions);

public sealed record ActionEditorView(
    int Id, string Text, IReadOnlyList<string> SuccessMeasures, string? Lead, string? Funding, decimal? FundingAmount, string? Deadline,
    string? LinkedPlans, IReadOnlyList<MeasureLink> Links, bool LinksConfirmed, bool Retired, bool Reported);

public sealed record ProjectEditorView(int Id, string Name, int? ActionId, string? ActionText, string? Lead, bool Retired, bool Reported);

/// <summary>One line of an item's history: who changed which field when, and from what to what.</summary>
public sealed record PlanHistoryEntry(DateTimeOffset At, string By, string Field, string? Before, string? After);

/// <summary>A figure the data has, to link an item to: grouped for the list it is chosen from.</summary>
public sealed record FigureChoice(string Key, string Group, string Label, MeasureLink Link);

/// <summary>Checks of what the Manager types into the plan, one sentence per problem.</summary>
public static class PlanEditing
{
    public const int MaxTextLength = 4000;
    public const int MaxShortLength = 200;

    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A required text: its problem when empty or too long.</summary>
    public static void Require(List<string> problems, string what, string? text, int max = MaxTextLength)
    {
        if (string.IsNullOrWhiteSpace(text)) problems.Add($"{what} is empty: write it before saving.");
        else Limit(problems, what, text, max);
    }

    public static void Limit(List<string> problems, string what, string? text, int max = MaxTextLength)
    {
        if (text is { } t && t.Trim().Length > max) problems.Add($"{what} is {t.Trim().Length:N0} characters long; keep it under {max:N0}.");
    }

    public static IReadOnlyList<string> Problems(PriorityEdit edit)
    {
        var problems = new List<string>();
        Require(problems, "The priority's name", edit.Name, MaxShortLength);
        Require(problems, "The priority's description", edit.Description);
        Limit(problems, "The focus areas", edit.FocusAreas);
        Limit(problems, "The links to other plans", edit.LinksToOtherPlans);
        Limit(problems, "The funding", edit.Funding);
        return problems;
    }

    public static IReadOnlyList<string> Problems(ObjectiveEdit edit)
    {
        var problems = new List<string>();
        Require(problems, "The objective", edit.Text);
        return problems;
    }

    public static IReadOnlyList<string> Problems(ActionEdit edit)
    {
        var problems = new List<string>();
        Require(problems, "The action", edit.Text);
        Limit(problems, "The success measures", edit.SuccessMeasures);
        Limit(problems, "The lead", edit.Lead, MaxShortLength);
        Limit(problems, "The funding", edit.Funding, MaxShortLength);
        Limit(problems, "The deadline", edit.Deadline, MaxShortLength);
        Limit(problems, "The linked plans", edit.LinkedPlans);
        if (!ReturnEditing.TryParseCost(edit.FundingAmount, out _, out var problem))
            problems.Add(problem!.Replace("The cost to date", "The funding amount").Replace("the total spent on the project so far", "money given to the action"));
        return problems;
    }

    public static IReadOnlyList<string> Problems(ProjectEdit edit)
    {
        var problems = new List<string>();
        Require(problems, "The project's name", edit.Name, MaxShortLength);
        return problems;
    }

    /// <summary>A list as one line for the history ("Numbers reached; Referrals made").</summary>
    public static string? Joined(IEnumerable<string> items) => items.Any() ? string.Join("; ", items) : null;

    /// <summary>Links as their labels for the history.</summary>
    public static string? Labels(IEnumerable<MeasureLink> links) => Joined(links.Select(LinkedFigures.Label));
}
