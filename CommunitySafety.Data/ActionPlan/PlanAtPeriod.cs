using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Model;

namespace CommunitySafety.Data.ActionPlan;

/// <summary>
/// The action plan with its figures for a period, and the OPCC return of the period's quarter (or the latest before
/// it) with the spend against the year's allocation: what the meeting's and the report's plan parts show.
/// </summary>
public sealed record PlanAtPeriod(PlanView Plan, QuarterReturnView? Return, Spend? Spend)
{
    /// <summary>"Q1 2023-24 return".</summary>
    public string? ReturnName => Return is null ? null : $"Q{Return.Quarter} {Plan.FinancialYear} return";

    /// <summary>How many projects the return rates Red, Amber, Green, or not at all, in that order.</summary>
    public IReadOnlyList<(Rag? Rating, int Count)> RagCounts =>
        [.. RagWords.Ratings.Select(r => (Rag?)r).Append(null).Select(rating => (rating, Return?.Rows.Count(r => r.Row.Rag == rating) ?? 0))];

    /// <summary>Every action of a priority, objective by objective.</summary>
    public static IEnumerable<ActionView> Actions(PriorityView priority) => priority.Objectives.SelectMany(o => o.Actions);
}

public static class PlanAtPeriodReading
{
    /// <summary>The plan and return to show for a period; null when there is no plan at all.</summary>
    public static async Task<PlanAtPeriod?> GetPlanAtPeriodAsync(this IActionPlanService plans, FinancialQuarter period, CancellationToken cancellationToken = default)
    {
        var plan = await plans.GetPlanAsync(period, new PlanFilter(), cancellationToken);
        if (plan is null) return null;
        var returns = await plans.GetReturnsAsync(plan.FinancialYear, cancellationToken);
        // A plan from an earlier year (the period's year has none yet) shows that year's last return.
        var sameYear = plan.FinancialYear == period.FinancialYear;
        var shown = returns?.Quarters.Where(q => !sameYear || q.Quarter <= period.Quarter).MaxBy(q => q.Quarter);
        return new PlanAtPeriod(plan, shown, shown?.Spend ?? returns?.Spend);
    }
}
