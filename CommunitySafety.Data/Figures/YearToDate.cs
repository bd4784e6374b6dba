using CommunitySafety.Data.Model;

namespace CommunitySafety.Data.Figures;

/// <summary>The current year to date of a quarter (April to its last month) and the same months a year earlier.</summary>
internal sealed record YearToDate(FinancialQuarter Quarter)
{
    public YearMonth CurrentFrom => Quarter.FirstMonthOfYear;
    public YearMonth CurrentTo => Quarter.LastMonth;
    public YearMonth PreviousFrom => CurrentFrom.AddMonths(-12);
    public YearMonth PreviousTo => CurrentTo.AddMonths(-12);

    public IEnumerable<YearMonth> CurrentMonths => YearMonth.Range(CurrentFrom, CurrentTo);
    public IEnumerable<YearMonth> PreviousMonths => YearMonth.Range(PreviousFrom, PreviousTo);

    /// <summary>Both periods, earliest month first.</summary>
    public IEnumerable<YearMonth> AllMonths => PreviousMonths.Concat(CurrentMonths);

    public bool Contains(YearMonth month) =>
        (month >= CurrentFrom && month <= CurrentTo) || (month >= PreviousFrom && month <= PreviousTo);
}
