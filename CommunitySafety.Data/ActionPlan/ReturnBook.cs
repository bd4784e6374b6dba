using CommunitySafety.Data.Model;
namespace CommunitySafety.Data.ActionPlan;

/// <summary>
/// Reading a project's returns: each quarter is its latest version, costs are running totals, and only the
/// latest quarter with returns (the open one) may change. Earlier quarters stay as they were sent to the OPCC.
/// </summary>
public static class ReturnBook
{
    /// <summary>The latest version of each quarter, Q1 first.</summary>
    public static IReadOnlyList<QuarterlyReturn> Latest(IEnumerable<QuarterlyReturn> rows) =>
        rows.GroupBy(r => r.Quarter).Select(g => g.MaxBy(r => r.Version)!).OrderBy(r => r.Quarter).ToList();

    public static QuarterlyReturn? LatestFor(IEnumerable<QuarterlyReturn> rows, int quarter) =>
        rows.Where(r => r.Quarter == quarter).MaxBy(r => r.Version);

    /// <summary>The latest quarter started: the latest one any project has a return for or any action has progress for; null before the first.</summary>
    public static int? StartedQuarter(PlanYear year) =>
        year.Projects.SelectMany(p => p.Returns).Select(r => (int?)r.Quarter)
            .Concat(year.Priorities.SelectMany(p => p.Objectives).SelectMany(o => o.Actions).SelectMany(a => a.Progress).Select(p => (int?)p.Quarter))
            .Max();

    /// <summary>
    /// The one quarter being reported on, for the OPCC return and the actions' progress alike: the latest started,
    /// unless the Manager has closed it (after Q4); null before the first quarter starts and after the last closes.
    /// </summary>
    public static int? OpenQuarter(PlanYear year) =>
        StartedQuarter(year) is { } started && started > year.ClosedThrough ? started : null;

    /// <summary>The running total as the return of <paramref name="quarter"/> (or the latest before it that gave one) states it.</summary>
    public static decimal? CostAsAt(IEnumerable<QuarterlyReturn> rows, int quarter) =>
        Latest(rows).Where(r => r.Quarter <= quarter && r.CostToDate is not null).LastOrDefault()?.CostToDate;

    /// <summary>Spend per project and in total against the allocation, as at a quarter.</summary>
    public static Spend SpendAsAt(PlanYear year, int quarter)
    {
        var projects = year.Projects.OrderBy(p => p.Position)
            .Select(p => new ProjectSpend(p.Id, p.Name, CostAsAt(p.Returns, quarter) ?? 0m))
            .ToList();
        var total = projects.Sum(p => p.CostToDate);
        return new Spend(year.FinancialYear, quarter, projects, total, year.Allocation, year.Allocation - total);
    }
}

public sealed record ProjectSpend(int ProjectId, string Project, decimal CostToDate);

/// <summary>What has been spent by the end of a quarter, and what remains of the year's OPCC allocation (negative when overspent).</summary>
public sealed record Spend(string FinancialYear, int Quarter, IReadOnlyList<ProjectSpend> Projects, decimal Total, decimal Allocation, decimal Remaining);
