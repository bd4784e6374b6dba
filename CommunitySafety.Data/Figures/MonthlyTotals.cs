using CommunitySafety.Data.Model;

namespace CommunitySafety.Data.Figures;

/// <summary>Which months have data, and what that data can answer.</summary>
internal sealed class CoverageMap
{
    private readonly Dictionary<YearMonth, MonthCoverage> byMonth;

    public CoverageMap(IEnumerable<MonthCoverage> coverage)
    {
        // Should a month be listed twice, it can answer whatever either entry says it can.
        byMonth = coverage
            .GroupBy(c => c.Month)
            .ToDictionary(g => g.Key, g => new MonthCoverage(g.Key, g.Any(c => c.HasDomestic), g.Any(c => c.HasLocationType)));
    }

    public bool HasData(YearMonth month) => byMonth.ContainsKey(month);

    public bool Answers(FigureMeasure measure, YearMonth month) =>
        byMonth.TryGetValue(month, out var coverage) && measure.Answers(coverage);
}

/// <summary>
/// One measure's count month by month, knowing which months can answer it. Both the summary and the trends
/// count through this, so "no data" means the same everywhere: null, never zero.
/// </summary>
internal sealed class MonthlyTotals
{
    private readonly IReadOnlyDictionary<YearMonth, int> totals;
    private readonly Func<YearMonth, bool> answers;

    /// <param name="facts">Any facts; only those the measure includes are counted.</param>
    public MonthlyTotals(IEnumerable<MonthlyFact> facts, FigureMeasure measure, CoverageMap coverage)
    {
        totals = facts.Where(measure.Includes)
            .GroupBy(f => f.Month)
            .ToDictionary(g => g.Key, g => g.Sum(f => f.Count));
        answers = month => coverage.Answers(measure, month);
    }

    /// <param name="totals">The measure's counts month by month, already counted (see <see cref="TrendIndex"/>).</param>
    public MonthlyTotals(IReadOnlyDictionary<YearMonth, int> totals, FigureMeasure measure, CoverageMap coverage)
    {
        this.totals = totals;
        answers = month => coverage.Answers(measure, month);
    }

    /// <summary>
    /// The count over the months that can answer; null when none of them can.
    /// A span with only some months answered counts what it has.
    /// </summary>
    public int? Count(IEnumerable<YearMonth> months)
    {
        int? sum = null;
        foreach (var month in months.Where(answers))
            sum = (sum ?? 0) + totals.GetValueOrDefault(month);
        return sum;
    }

    /// <summary>The count, but only when every month can answer; otherwise null.</summary>
    public int? CountIfComplete(IEnumerable<YearMonth> months)
    {
        var list = months.ToList();
        return list.All(answers) ? Count(list) : null;
    }

    /// <summary>The count for one financial quarter, counting what months it has.</summary>
    public int? CountQuarter(FinancialQuarter quarter) => Count(quarter.Months());

    /// <summary>The count for one financial quarter, only when all three months can answer.</summary>
    public int? CountWholeQuarter(FinancialQuarter quarter) => CountIfComplete(quarter.Months());
}

internal static class FinancialQuarterMonths
{
    public static IEnumerable<YearMonth> Months(this FinancialQuarter quarter) =>
        YearMonth.Range(quarter.FirstMonth, quarter.LastMonth);
}
