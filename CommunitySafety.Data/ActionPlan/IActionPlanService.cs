using CommunitySafety.Data.Access;
using CommunitySafety.Data.Figures;

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
}
