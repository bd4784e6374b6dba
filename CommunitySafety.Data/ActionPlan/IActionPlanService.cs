using CommunitySafety.Data.Access;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Model;

namespace CommunitySafety.Data.ActionPlan;

/// <summary>The partnership's action plan beside the figures, and its quarterly returns to the OPCC.</summary>
public interface IActionPlanService
{
    /// <summary>The years with a plan, latest first.</summary>
    Task<IReadOnlyList<string>> GetYearsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The plan of the period's financial year (or, when there is none, the latest plan before it) with each
    /// item's linked figures for the period; null when there is no plan at all.
    /// </summary>
    Task<PlanView?> GetPlanAsync(FinancialQuarter period, PlanFilter filter, CancellationToken cancellationToken = default);

    /// <summary>A year's returns, one table per quarter with any, and the spend; null when the year has no plan. Null year: the latest.</summary>
    Task<ReturnsView?> GetReturnsAsync(string? financialYear, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves a project's row of the open quarter as a new version, or says why it cannot: a Manager may save every
    /// row, a Lead the rows of the projects they lead, no one else any.
    /// </summary>
    Task<SaveOutcome> SaveReturnAsync(string financialYear, ReturnEdit edit, Person editor, CancellationToken cancellationToken = default);

    /// <summary>Opens the next quarter's return, each project's row starting from its row of the quarter before. Only a Manager may.</summary>
    Task<SaveOutcome> StartNextQuarterAsync(string financialYear, Person startedBy, CancellationToken cancellationToken = default);

    /// <summary>Starts the next year's plan as a copy of this one's priorities, objectives, actions, links and projects, without returns. Only a Manager may.</summary>
    Task<SaveOutcome> StartNextYearAsync(string financialYear, Person startedBy, CancellationToken cancellationToken = default);

    /// <summary>A quarter's return as a file for the OPCC; null when the year or quarter has none.</summary>
    Task<ExportFile?> ExportReturnAsync(string financialYear, int quarter, ReturnFileFormat format, CancellationToken cancellationToken = default);

    // ---- the plan as a working document: the Manager's edits, each field's change kept as a history ----

    /// <summary>A year's plan as the Manager edits it, retired items included; null when the year has no plan.</summary>
    Task<PlanEditorView?> GetEditorAsync(string financialYear, CancellationToken cancellationToken = default);

    /// <summary>Adds (Id null) or changes a priority. Only a Manager may, as for every edit of the plan below.</summary>
    Task<SaveOutcome> SavePriorityAsync(string financialYear, PriorityEdit edit, Person editor, CancellationToken cancellationToken = default);

    Task<SaveOutcome> SaveObjectiveAsync(string financialYear, ObjectiveEdit edit, Person editor, CancellationToken cancellationToken = default);

    Task<SaveOutcome> SaveActionAsync(string financialYear, ActionEdit edit, Person editor, CancellationToken cancellationToken = default);

    Task<SaveOutcome> SaveProjectAsync(string financialYear, ProjectEdit edit, Person editor, CancellationToken cancellationToken = default);

    /// <summary>Moves a priority, objective, action or project one place up (-1) or down (+1) among its own.</summary>
    Task<SaveOutcome> MoveAsync(string financialYear, PlanItem item, int by, Person editor, CancellationToken cancellationToken = default);

    /// <summary>Retires an item (it leaves the plan; nothing is deleted) or, with <paramref name="retire"/> false, brings it back.</summary>
    Task<SaveOutcome> RetireAsync(string financialYear, PlanItem item, bool retire, Person editor, CancellationToken cancellationToken = default);

    /// <summary>Sets the figures linked to an action or a headline indicator; saving confirms suggested links.</summary>
    Task<SaveOutcome> SetLinksAsync(string financialYear, PlanItem item, IReadOnlyList<MeasureLink> links, Person editor, CancellationToken cancellationToken = default);

    /// <summary>An item's history, newest first: each field's change (who, when, before, after), an action's progress, a project's return rows.</summary>
    Task<IReadOnlyList<PlanHistoryEntry>> GetHistoryAsync(string financialYear, PlanItem item, CancellationToken cancellationToken = default);

    /// <summary>Every figure the data has to link to: the district's, each crime type, beat and location type, and the partnership's measures.</summary>
    Task<IReadOnlyList<FigureChoice>> GetFigureChoicesAsync(FinancialQuarter period, CancellationToken cancellationToken = default);

    /// <summary>A figure as an item linked to it would show it for the period.</summary>
    Task<LinkedFigure> PreviewFigureAsync(FinancialQuarter period, MeasureLink link, CancellationToken cancellationToken = default);

    // ---- each quarter's progress ----

    /// <summary>
    /// Every action's progress (status, note, measure values, what is missing) and every project's return RAG in a quarter
    /// of a year (null: the open quarter, else the latest started); null when the year has no plan.
    /// </summary>
    Task<ProgressView?> GetProgressAsync(string financialYear, int? quarter = null, CancellationToken cancellationToken = default);

    /// <summary>Saves an action's progress in the open quarter as a new version: a Manager any action's, a Lead those they lead.</summary>
    Task<SaveOutcome> SaveProgressAsync(string financialYear, ProgressEdit edit, Person editor, CancellationToken cancellationToken = default);

    /// <summary>Closes the open quarter (read-only from then on) and starts the next from its text. Only a Manager may; no quarter reopens.</summary>
    Task<SaveOutcome> CloseQuarterAsync(string financialYear, int quarter, Person closer, CancellationToken cancellationToken = default);

    // ---- the partnership's own measures ----

    /// <summary>Every partnership measure with its actions and its figure for the period (value against the same quarter a year before, trend).</summary>
    Task<IReadOnlyList<PartnershipMeasureView>> GetMeasuresAsync(FinancialQuarter period, CancellationToken cancellationToken = default);

    /// <summary>Makes a success measure of an action a number recorded each quarter. Only a Manager may.</summary>
    Task<SaveOutcome> AddMeasureAsync(string financialYear, int actionId, string? name, Person editor, CancellationToken cancellationToken = default);

    /// <summary>Imports a measure, quarter, value CSV, all or nothing, every problem named by line.</summary>
    Task<MeasureImportOutcome> ImportMeasureValuesAsync(string path, string fileName, Person editor, CancellationToken cancellationToken = default);
}
