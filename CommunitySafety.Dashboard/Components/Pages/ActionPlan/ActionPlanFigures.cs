using CommunitySafety.Data.ActionPlan;

namespace CommunitySafety.Dashboard.Components.Pages.ActionPlan;

/// <summary>The plan beside the period's figures; <see cref="Plan"/> is null when no plan has been loaded.</summary>
public sealed record ActionPlanFigures(PlanView? Plan, IReadOnlyList<string> Years);
