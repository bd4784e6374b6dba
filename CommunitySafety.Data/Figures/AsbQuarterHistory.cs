namespace CommunitySafety.Data.Figures;

/// <summary>
/// ASB in one quarter alone against the same quarter of the three financial years before it (the report's
/// "four-year low") and against the quarter just before it.
/// </summary>
internal sealed record AsbQuarterHistory(FinancialQuarter Quarter, bool IsFourYearLow, int ChangeFromPreviousQuarter)
{
    /// <summary>Null unless every month of all five quarters has data: a partial quarter would look like a low.</summary>
    public static AsbQuarterHistory? Find(MonthlyTotals asb, FinancialQuarter quarter)
    {
        var sameQuarterEarlier = new[] { quarter.PreviousYear, quarter.PreviousYear.PreviousYear, quarter.PreviousYear.PreviousYear.PreviousYear };
        var count = asb.CountWholeQuarter(quarter);
        var previousQuarter = asb.CountWholeQuarter(quarter.PreviousQuarter);
        var earlier = sameQuarterEarlier.Select(asb.CountWholeQuarter).ToList();
        if (count is null || previousQuarter is null || earlier.Any(c => c is null)) return null;

        // A tie with an earlier year still counts as the low: the level is as low as it has been in four years.
        var isLow = earlier.All(c => count <= c);
        return new AsbQuarterHistory(quarter, isLow, count.Value - previousQuarter.Value);
    }
}
