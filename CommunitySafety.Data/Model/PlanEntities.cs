namespace CommunitySafety.Data.Model;

// The partnership's yearly action plan and its quarterly returns to the OPCC, as the database keeps them.
// Lists of short texts (focus areas, success measures) and measure links are JSON columns: they are always
// read and written with their owner and never queried on their own.

/// <summary>One financial year's plan ("2023-24").</summary>
public sealed class PlanYear
{
    public int Id { get; set; }
    public required string FinancialYear { get; set; }
    public required string Title { get; set; }
    public string? Source { get; set; }
    public List<string> CrossCuttingPriorities { get; set; } = [];
    public List<string> BusinessAsUsual { get; set; } = [];

    /// <summary>The year's OPCC grant, in pounds.</summary>
    public decimal Allocation { get; set; }

    public string? AllocationNote { get; set; }
    public List<string> TranscriptionNotes { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }

    /// <summary>The quarters closed by the Manager (0 to 4): a closed quarter's progress and return are kept as reported.</summary>
    public int ClosedThrough { get; set; }

    public List<PlanPriority> Priorities { get; set; } = [];
    public List<OpccProject> Projects { get; set; } = [];
    public List<CommunicationItem> CommunicationPlan { get; set; } = [];
}

public sealed class PlanPriority
{
    public int Id { get; set; }
    public int PlanYearId { get; set; }
    public int Number { get; set; }
    public required string Name { get; set; }
    public required string Description { get; set; }
    public List<string> FocusAreas { get; set; } = [];
    public string? FocusNote { get; set; }
    public string? LinksToOtherPlans { get; set; }
    public string? Funding { get; set; }

    /// <summary>When the Manager retired it: it leaves the plan but stays in the database with its history.</summary>
    public DateTimeOffset? RetiredAt { get; set; }

    public List<HeadlineIndicator> HeadlineIndicators { get; set; } = [];
    public List<PlanObjective> Objectives { get; set; } = [];
}

/// <summary>Something the plan can be linked to police figures by: an indicator, objective or action.</summary>
public interface IMeasured
{
    List<MeasureLink> Measures { get; }

    /// <summary>Why there is no police measure, or what the linked one stands in for.</summary>
    string? MeasureNote { get; }
}

public sealed class HeadlineIndicator : IMeasured
{
    public int Id { get; set; }
    public int PriorityId { get; set; }
    public int Position { get; set; }
    public required string Text { get; set; }
    public List<MeasureLink> Measures { get; set; } = [];
    public string? MeasureNote { get; set; }

    /// <summary>False while the links are the plan file's suggestions, true once the Manager has confirmed or changed them.</summary>
    public bool LinksConfirmed { get; set; }
}

public sealed class PlanObjective : IMeasured
{
    public int Id { get; set; }
    public int PriorityId { get; set; }
    public int Position { get; set; }
    public required string Text { get; set; }
    public List<MeasureLink> Measures { get; set; } = [];
    public string? MeasureNote { get; set; }
    public DateTimeOffset? RetiredAt { get; set; }
    public List<PlanAction> Actions { get; set; } = [];
}

public sealed class PlanAction : IMeasured
{
    public int Id { get; set; }
    public int ObjectiveId { get; set; }
    public int Position { get; set; }

    /// <summary>A name the plan file uses to point an OPCC project at this action ("redeployable-cctv").</summary>
    public string? Ref { get; set; }

    public required string Text { get; set; }
    public List<string> SuccessMeasures { get; set; } = [];
    public string? Lead { get; set; }

    /// <summary>The plan's words ("part of campaign pot £5600", "DHLUC").</summary>
    public string? Funding { get; set; }

    /// <summary>The amount in pounds, where the funding names one.</summary>
    public decimal? FundingAmount { get; set; }

    /// <summary>When it is due, in the plan's words ("Nov 2023", "Q3").</summary>
    public string? Deadline { get; set; }

    /// <summary>Other plans this action serves ("OPCC plan", "Serious Violence Duty").</summary>
    public string? LinkedPlans { get; set; }

    public List<MeasureLink> Measures { get; set; } = [];
    public string? MeasureNote { get; set; }

    /// <summary>False while the links are the plan file's suggestions, true once the Manager has confirmed or changed them.</summary>
    public bool LinksConfirmed { get; set; }

    public DateTimeOffset? RetiredAt { get; set; }

    /// <summary>Every version of every quarter's progress.</summary>
    public List<ActionProgress> Progress { get; set; } = [];
}

public enum MeasureKind
{
    Asb = 1,
    Crime = 2,
    CrimeType = 3,
    Domestic = 4,
    LocationType = 5,

    /// <summary>One of the partnership's own measures, recorded each quarter (<see cref="MeasureLink.Name"/> is its name).</summary>
    Partnership = 6,
}

/// <summary>
/// A police figure an item of the plan is meant to move: ASB, all crime, a crime type, domestic incidents,
/// or a location type (of ASB, crime or domestic incidents), for the district or one beat.
/// </summary>
public sealed class MeasureLink
{
    public MeasureKind Kind { get; set; }

    /// <summary>The crime type or location type; null for the others.</summary>
    public string? Name { get; set; }

    /// <summary>For a location type: whose locations (Asb, Crime or Domestic).</summary>
    public MeasureKind? Of { get; set; }

    /// <summary>One beat; null for the whole district.</summary>
    public string? Beat { get; set; }

    public MeasureLink Copy() => new() { Kind = Kind, Name = Name, Of = Of, Beat = Beat };
}

/// <summary>A project paid for from the OPCC grant, reported on every quarter.</summary>
public sealed class OpccProject
{
    public int Id { get; set; }
    public int PlanYearId { get; set; }
    public int Position { get; set; }
    public required string Name { get; set; }

    /// <summary>The plan's action this project delivers, when there is one.</summary>
    public int? ActionId { get; set; }

    public PlanAction? Action { get; set; }

    public DateTimeOffset? RetiredAt { get; set; }

    public List<QuarterlyReturn> Returns { get; set; } = [];
}

public enum Rag
{
    Red = 1,
    Amber = 2,
    Green = 3,
}

/// <summary>
/// One version of a project's row in a quarter's OPCC return: the eight columns (the project's name is
/// column 1). Rows are never changed: a save adds the next version, so who changed what, and when, is kept.
/// </summary>
public sealed class QuarterlyReturn
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int Quarter { get; set; }
    public int Version { get; set; }
    public string? Rationale { get; set; }
    public string? ActivitiesToDate { get; set; }
    public string? SuccessMeasuresProposed { get; set; }
    public string? SuccessToDate { get; set; }

    /// <summary>Running total spent on the project so far this year, in pounds.</summary>
    public decimal? CostToDate { get; set; }

    /// <summary>What the cost is made of, in the return's words.</summary>
    public string? CostBreakdown { get; set; }

    public Rag? Rag { get; set; }
    public string? Notes { get; set; }
    public required string SavedBy { get; set; }
    public DateTimeOffset SavedAt { get; set; }
}

public sealed class CommunicationItem
{
    public int Id { get; set; }
    public int PlanYearId { get; set; }
    public int Position { get; set; }
    public required string Description { get; set; }
    public string? Audience { get; set; }
    public string? Channels { get; set; }
    public string? Owner { get; set; }
    public string? Deadline { get; set; }
}
