using System.Text.Json.Serialization;
using System.Text.Json;
using CommunitySafety.Data.Model;

namespace CommunitySafety.Data.ActionPlan;

// The shape of data/action-plan-YYYY-YY.json: what an officer writes a year's plan in.
// Amounts are numbers in pounds; the plan's own words about money stay in the text fields beside them.

public sealed record PlanDocument(
    string FinancialYear,
    string Title,
    string? Source,
    IReadOnlyList<string>? CrossCuttingPriorities,
    IReadOnlyList<string>? BusinessAsUsual,
    IReadOnlyList<PriorityDocument> Priorities,
    OpccDocument? Opcc,
    IReadOnlyList<CommunicationDocument>? CommunicationPlan,
    IReadOnlyList<string>? TranscriptionNotes)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
    };
}

public sealed record PriorityDocument(
    int Number,
    string Name,
    string Description,
    IReadOnlyList<string>? FocusAreas,
    string? FocusNote,
    IReadOnlyList<IndicatorDocument>? HeadlineIndicators,
    string? LinksToOtherPlans,
    string? Funding,
    IReadOnlyList<ObjectiveDocument> Objectives);

public sealed record IndicatorDocument(string Text, IReadOnlyList<LinkDocument>? Measures, string? MeasureNote);

public sealed record ObjectiveDocument(string Text, IReadOnlyList<LinkDocument>? Measures, string? MeasureNote, IReadOnlyList<ActionDocument> Actions);

public sealed record ActionDocument(
    string? Ref,
    string Text,
    IReadOnlyList<string>? SuccessMeasures,
    string? Lead,
    string? Funding,
    decimal? FundingAmount,
    IReadOnlyList<LinkDocument>? Measures,
    string? MeasureNote,
    string? Deadline = null,
    string? LinkedPlans = null);

/// <summary>{ "kind": "crimeType", "name": "Drug Offences" }, { "kind": "locationType", "of": "asb", "name": "Open Space" }, { "kind": "asb", "beat": "Harborough Town" }.</summary>
public sealed record LinkDocument(MeasureKind Kind, string? Name, MeasureKind? Of, string? Beat);

public sealed record OpccDocument(decimal Allocation, string? AllocationNote, IReadOnlyList<ProjectDocument> Projects);

/// <summary>A project; <see cref="Action"/> is the <see cref="ActionDocument.Ref"/> of the action it delivers.</summary>
public sealed record ProjectDocument(string Name, string? Action, IReadOnlyList<ReturnDocument>? Returns);

public sealed record ReturnDocument(
    int Quarter,
    string? Rationale,
    string? ActivitiesToDate,
    string? SuccessMeasuresProposed,
    string? SuccessToDate,
    decimal? CostToDate,
    string? CostBreakdown,
    Rag? Rag,
    string? Notes);

public sealed record CommunicationDocument(string Description, string? Audience, string? Channels, string? Owner, string? Deadline);
