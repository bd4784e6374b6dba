using CommunitySafety.Data.Model;

namespace CommunitySafety.Data.ActionPlan;

// Each action's progress in a quarter, as a lead records it, what is still missing, and the measures' values.

/// <summary>
/// A lead's update of an action for a quarter, as typed: <see cref="Status"/> is a word of <see cref="RagWords.Statuses"/>,
/// <see cref="MeasureValues"/> the typed value of each of the action's recorded measures by measure id (empty clears it).
/// </summary>
public sealed record ProgressEdit(int ActionId, int Quarter, int BasedOnVersion, string? Status, string? Note, IReadOnlyDictionary<int, string?> MeasureValues);

/// <summary>A recorded measure's value in the quarter; null when none has been recorded.</summary>
public sealed record MeasureValueView(int MeasureId, string Name, int? Value);

/// <summary>
/// One action's progress in a quarter: the latest version (0 when it has none), whether its lead has updated it this quarter
/// (a row carried over from the quarter before has not been), and what is still missing, one sentence each.
/// </summary>
public sealed record ActionProgressView(
    int ActionId,
    int PriorityNumber,
    string Priority,
    string Objective,
    string Action,
    string? Lead,
    IReadOnlyList<string> SuccessMeasures,
    int Version,
    ProgressStatus? Status,
    string? Note,
    bool Updated,
    string? SavedBy,
    DateTimeOffset? SavedAt,
    IReadOnlyList<MeasureValueView> Measures,
    IReadOnlyList<string> Missing)
{
    /// <summary>"Green", "Not started"... or "Not updated".</summary>
    public string StatusWord => RagWords.Word(Status);
}

/// <summary>An OPCC project's row in the quarter's return, as the My actions page lists it beside the actions.</summary>
public sealed record ProjectProgressView(int ProjectId, string Name, string? Lead, int Version, Rag? Rag, IReadOnlyList<string> Missing);

/// <summary>A lead with items not yet updated for the quarter.</summary>
public sealed record LeadToChase(string Lead, int Actions, int Projects);

/// <summary>
/// A year's progress in one quarter. <see cref="IsOpen"/>: the quarter can still be updated; closed quarters are read-only.
/// </summary>
public sealed record ProgressView(
    string FinancialYear,
    int Quarter,
    int? OpenQuarter,
    bool IsOpen,
    IReadOnlyList<ActionProgressView> Actions,
    IReadOnlyList<ProjectProgressView> Projects)
{
    /// <summary>Who has not updated yet: each lead named by an item with something missing, and how many of theirs.</summary>
    public IReadOnlyList<LeadToChase> NotUpdated =>
        Actions.Where(a => a.Missing.Count > 0).Select(a => (Lead: a.Lead ?? NoLead, Action: 1, Project: 0))
            .Concat(Projects.Where(p => p.Missing.Count > 0).Select(p => (Lead: p.Lead ?? NoLead, Action: 0, Project: 1)))
            .GroupBy(x => x.Lead, StringComparer.OrdinalIgnoreCase)
            .Select(g => new LeadToChase(g.Key, g.Sum(x => x.Action), g.Sum(x => x.Project)))
            .OrderBy(l => l.Lead, StringComparer.OrdinalIgnoreCase).ToList();

    public const string NoLead = "No lead named";
}

/// <summary>A partnership measure with its actions, as the measures page shows it.</summary>
public sealed record PartnershipMeasureView(int Id, string Name, IReadOnlyList<string> Actions, IReadOnlyList<string> Leads, LinkedFigure Figure);

/// <summary>What a measures CSV did: imported, or refused with every problem (file, line, column, value, what was expected).</summary>
public sealed record MeasureImportOutcome(bool Imported, int Rows, string Message, IReadOnlyList<Import.ImportError> Errors);
