using CommunitySafety.Data.Access;

namespace CommunitySafety.Data.ActionPlan;

/// <summary>The plan in and out as files: Word and Excel laid out like the council's Appendix A, and the JSON plan file.</summary>
public interface IPlanFiles
{
    /// <summary>A year's plan as the interchange shape (with its returns), with the quarter's progress when one is given; null when the year has no plan.</summary>
    Task<PlanExport?> GetExportAsync(string financialYear, int? quarter, CancellationToken cancellationToken = default);

    /// <summary>A year's plan as a file to download; null when the year has no plan.</summary>
    Task<ExportFile?> ExportAsync(string financialYear, PlanFileFormat format, int? quarter, CancellationToken cancellationToken = default);

    /// <summary>What importing the plan would change in the database, and why it would be refused if it would; nothing is changed.</summary>
    Task<PlanImportPreview> PreviewImportAsync(PlanDocument plan, CancellationToken cancellationToken = default);

    /// <summary>Imports the plan for the year it names, all or nothing, as <paramref name="who"/> (a Manager); audited.</summary>
    Task<PlanImportOutcome> ImportAsync(PlanDocument plan, Person who, CancellationToken cancellationToken = default);
}

/// <summary>
/// An import's preview: the year, whether it replaces a plan already there, what it adds, changes and retires, and
/// <see cref="Refusal"/>, the sentence saying why it cannot be imported, when it cannot.
/// </summary>
public sealed record PlanImportPreview(string FinancialYear, bool ReplacesPlan, PlanChanges Changes, string? Refusal, int Priorities, int Objectives, int Actions)
{
    public string Summary => Refusal
        ?? (!ReplacesPlan ? $"A new plan for {FinancialYear}: {Priorities} priorities, {Objectives} objectives and {Actions} actions."
            : Changes.None ? $"The file is the same as the {FinancialYear} plan already held; importing it changes nothing."
            : $"The file would replace the {FinancialYear} plan: {Changes.Added.Count} added, {Changes.Changed.Count} changed, {Changes.Retired.Count} retired.");
}

public sealed record PlanImportOutcome(bool Done, string Message, PlanImportPreview? Preview = null);
