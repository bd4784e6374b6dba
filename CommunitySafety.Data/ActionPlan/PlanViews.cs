using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Model;

namespace CommunitySafety.Data.ActionPlan;

// What the action plan and quarterly return pages show, ready to render.

/// <summary>Which items of the plan to show. <see cref="Rag"/> is "Red", "Amber", "Green" or <see cref="RagWords.NotRated"/>.</summary>
public sealed record PlanFilter(int? Priority = null, string? Lead = null, string? Rag = null, bool GettingWorse = false)
{

    public bool FiltersActions => !string.IsNullOrWhiteSpace(Lead) || !string.IsNullOrWhiteSpace(Rag) || GettingWorse;
}

/// <summary>The RAG an OPCC-funded action has in the period's quarter (or the latest quarter before it with a return).</summary>
public sealed record ProjectStatus(int ProjectId, string Project, int? Quarter, Rag? Rag);

public sealed record ActionView(
    int Id,
    string Text,
    IReadOnlyList<string> SuccessMeasures,
    string? Lead,
    string? Funding,
    decimal? FundingAmount,
    IReadOnlyList<LinkedFigure> Figures,
    string? MeasureNote,
    ProjectStatus? Project)
{
    public string? Deadline { get; init; }
    public string? LinkedPlans { get; init; }

    /// <summary>False while its links are the plan file's suggestions, not yet confirmed by the Manager.</summary>
    public bool LinksConfirmed { get; init; } = true;

    /// <summary>Its progress in the period's quarter (or the latest before it); null when none has been recorded.</summary>
    public ActionStatus? Progress { get; init; }
}

/// <summary>An action's status and note as recorded for a quarter.</summary>
public sealed record ActionStatus(int Quarter, ProgressStatus? Status, string? Note, bool CarriedOver);

public sealed record ObjectiveView(int Id, string Text, IReadOnlyList<LinkedFigure> Figures, string? MeasureNote, IReadOnlyList<ActionView> Actions);

public sealed record IndicatorView(string Text, IReadOnlyList<LinkedFigure> Figures, string? MeasureNote)
{
    public bool LinksConfirmed { get; init; } = true;
}

public sealed record PriorityView(
    int Number,
    string Name,
    string Description,
    IReadOnlyList<string> FocusAreas,
    string? FocusNote,
    string? LinksToOtherPlans,
    string? Funding,
    IReadOnlyList<IndicatorView> HeadlineIndicators,
    IReadOnlyList<ObjectiveView> Objectives);

public sealed record PriorityChoice(int Number, string Name);

/// <summary>
/// A year's plan with each item's linked figures for <see cref="Period"/>. <see cref="Priorities"/> holds what the
/// filter lets through; <see cref="ActionsShown"/> of <see cref="ActionsInPlan"/> says how much that is.
/// </summary>
public sealed record PlanView(
    string FinancialYear,
    string Title,
    FinancialQuarter Period,
    IReadOnlyList<string> CrossCuttingPriorities,
    IReadOnlyList<PriorityView> Priorities,
    IReadOnlyList<PriorityChoice> PriorityChoices,
    IReadOnlyList<string> Leads,
    int ActionsShown,
    int ActionsInPlan);

/// <summary>A project's row in one quarter: its latest version (0 when the quarter has none for it), and the lead of its action.</summary>
public sealed record ReturnRowView(int ProjectId, int Quarter, int Version, ReturnRow Row, string? SavedBy, DateTimeOffset? SavedAt, string? Lead = null);

/// <summary>One quarter's return. Only the open quarter (the latest with returns) can be edited.</summary>
public sealed record QuarterReturnView(int Quarter, string Title, bool IsOpen, IReadOnlyList<ReturnRowView> Rows, Spend Spend);

public sealed record ReturnsView(
    string FinancialYear,
    IReadOnlyList<string> Years,
    int? OpenQuarter,
    IReadOnlyList<QuarterReturnView> Quarters,
    Spend Spend,
    bool AllClosed = false);

public enum ReturnFileFormat
{
    Csv,
    Xlsx,
}

public sealed record ExportFile(string FileName, string ContentType, byte[] Content);
