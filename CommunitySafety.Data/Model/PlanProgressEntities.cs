namespace CommunitySafety.Data.Model;

// What the plan's leads record every quarter, the partnership's own measures, and the history of the plan's edits.

/// <summary>An action's status in a quarter: the RAG words of the plan, with Not started and Complete beside them.</summary>
public enum ProgressStatus
{
    NotStarted = 1,
    Red = 2,
    Amber = 3,
    Green = 4,
    Complete = 5,
}

/// <summary>
/// One version of an action's progress in a quarter. Rows are never changed: a save adds the next version.
/// Version 1 of a quarter is carried over from the quarter before when the Manager closes it (<see cref="CarriedOver"/>),
/// until its lead saves the quarter's own.
/// </summary>
public sealed class ActionProgress
{
    public int Id { get; set; }
    public int ActionId { get; set; }
    public int Quarter { get; set; }
    public int Version { get; set; }
    public ProgressStatus? Status { get; set; }
    public string? Note { get; set; }
    public bool CarriedOver { get; set; }
    public required string SavedBy { get; set; }
    public DateTimeOffset SavedAt { get; set; }
}

/// <summary>The kinds of item of the plan the Manager edits, as the history names them.</summary>
public enum PlanItemKind
{
    Priority = 1,
    Indicator = 2,
    Objective = 3,
    Action = 4,
    Project = 5,
    Measure = 6,
}

/// <summary>One change to an item of the plan: who, when, which field, and what it was before and after.</summary>
public sealed class PlanEdit
{
    public long Id { get; set; }
    public int PlanYearId { get; set; }
    public PlanItemKind Item { get; set; }
    public int ItemId { get; set; }
    public required string Field { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public required string By { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>
/// A number the partnership records itself each quarter ("Referrals made"): a figure like the police ones, linked to
/// actions as a <see cref="MeasureKind.Partnership"/> link by its name. It outlives a year's plan, so a trend spans years.
/// </summary>
public sealed class PartnershipMeasure
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<MeasureValue> Values { get; set; } = [];
}

/// <summary>A measure's value in one financial quarter (<see cref="StartYear"/> 2023 and <see cref="Quarter"/> 1 is Q1 2023-24).</summary>
public sealed class MeasureValue
{
    public int Id { get; set; }
    public int MeasureId { get; set; }
    public int StartYear { get; set; }
    public int Quarter { get; set; }
    public int Value { get; set; }
    public required string SavedBy { get; set; }
    public DateTimeOffset SavedAt { get; set; }
}
