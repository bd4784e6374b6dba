using CommunitySafety.Data.ActionPlan;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Model;

namespace CommunitySafety.Dashboard.Api;

// The document of GET /api/action-plan?year=2023-24&quarter=2 (README "Action plan API"): the plan with each action's
// progress and RAG in the quarter and each item's linked figures. Every key is always written (null where there is no value).

public sealed record ActionPlanJson(
    string FinancialYear,
    int Quarter,
    string Title,
    IReadOnlyList<string> CrossCuttingPriorities,
    IReadOnlyList<string> BusinessAsUsual,
    decimal Allocation,
    IReadOnlyList<PriorityJson> Priorities,
    IReadOnlyList<ProjectJson> Projects);

public sealed record PriorityJson(
    int Number,
    string Name,
    string Description,
    IReadOnlyList<string> FocusAreas,
    string? FocusNote,
    string? LinksToOtherPlans,
    string? Funding,
    IReadOnlyList<IndicatorJson> HeadlineIndicators,
    IReadOnlyList<ObjectiveJson> Objectives);

public sealed record IndicatorJson(string Text, string? MeasureNote, IReadOnlyList<FigureJson> Figures);

public sealed record ObjectiveJson(string Text, string? MeasureNote, IReadOnlyList<FigureJson> Figures, IReadOnlyList<ActionJson> Actions);

/// <summary>An action; <see cref="Progress"/> is null when nothing was recorded for it in the quarter.</summary>
public sealed record ActionJson(
    string? Ref,
    string Text,
    IReadOnlyList<string> SuccessMeasures,
    string? Lead,
    string? Funding,
    decimal? FundingAmount,
    string? MeasureNote,
    IReadOnlyList<FigureJson> Figures,
    ProgressJson? Progress);

/// <summary>The quarter's RAG as a word ("Red", "Amber", "Green"; null when not rated), the progress note and the success measures' values.</summary>
public sealed record ProgressJson(string? Rag, string? Note, IReadOnlyList<MeasureValueJson> MeasureValues);

public sealed record MeasureValueJson(string Measure, string Value);

/// <summary>A linked police figure: what it is, the year-to-date counts at the quarter (null when there is no data) and its quarterly trend.</summary>
public sealed record FigureJson(
    string Label,
    MeasureKind Kind,
    string? Name,
    MeasureKind? Of,
    string? Beat,
    int? Current,
    int? Previous,
    int? Change,
    double? ChangePercent,
    Significance? Significance,
    IReadOnlyList<TrendPoint> Trend);

/// <summary>An OPCC project, the ref of the action it delivers, and its return row in the quarter.</summary>
public sealed record ProjectJson(string Name, string? Action, string? Rag, decimal? CostToDate);

public static class ActionPlanJsonBuilder
{
    /// <summary>The plan of <paramref name="export"/> beside the view of the same year (same order of priorities, objectives and actions).</summary>
    public static ActionPlanJson Build(PlanExport export, PlanView view, int quarter)
    {
        var plan = export.Plan;
        var priorities = plan.Priorities.Select(p =>
        {
            var pv = view.Priorities.Single(v => v.Number == p.Number);
            return new PriorityJson(
                p.Number, p.Name, p.Description, p.FocusAreas ?? [], p.FocusNote, p.LinksToOtherPlans, p.Funding,
                (p.HeadlineIndicators ?? []).Select((i, n) => new IndicatorJson(i.Text, i.MeasureNote, Figures(pv.HeadlineIndicators[n].Figures))).ToList(),
                p.Objectives.Select((o, on) => new ObjectiveJson(o.Text, o.MeasureNote, Figures(pv.Objectives[on].Figures),
                    o.Actions.Select((a, an) =>
                    {
                        var progress = export.Progress?.Actions.GetValueOrDefault(new ActionPosition(p.Number, on, an));
                        return new ActionJson(a.Ref, a.Text, a.SuccessMeasures ?? [], a.Lead, a.Funding, a.FundingAmount, a.MeasureNote,
                            Figures(pv.Objectives[on].Actions[an].Figures),
                            progress is null ? null : new ProgressJson(progress.Rag, progress.Note,
                                progress.MeasureValues.Select(v => new MeasureValueJson(v.Measure, v.Value)).ToList()));
                    }).ToList())).ToList());
        }).ToList();
        var projects = (plan.Opcc?.Projects ?? []).Select(p =>
        {
            var row = (p.Returns ?? []).FirstOrDefault(r => r.Quarter == quarter);
            return new ProjectJson(p.Name, p.Action, row?.Rag is { } rag ? RagWords.Word(rag) : null, row?.CostToDate);
        }).ToList();
        return new ActionPlanJson(plan.FinancialYear, quarter, plan.Title, plan.CrossCuttingPriorities ?? [], plan.BusinessAsUsual ?? [],
            plan.Opcc?.Allocation ?? 0, priorities, projects);
    }

    private static List<FigureJson> Figures(IReadOnlyList<LinkedFigure> figures) => figures.Select(f => new FigureJson(
        f.Label, f.Link.Kind, f.Link.Name, f.Link.Of, f.Link.Beat,
        f.Measure?.Current, f.Measure?.Previous, f.Measure?.Change, f.Measure?.ChangePercent, f.Measure?.Significance,
        f.Trend?.Points ?? [])).ToList();
}
