using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Model;

namespace CommunitySafety.Tests.Data.Figures;

/// <summary>Short ways to write facts and coverage in tests.</summary>
internal static class FiguresTestData
{
    public static YearMonth M(string month) => TestMonths.M(month);

    public static MonthlyFact Asb(string month, string beat, int count, string? location = null, bool domestic = false) =>
        new(M(month), beat, Category.Asb, null, location, domestic, count);

    public static MonthlyFact Crime(string month, string beat, string type, int count, string? location = null, bool domestic = false) =>
        new(M(month), beat, Category.Crime, type, location, domestic, count);

    public static MonthlyFact Incident(string month, string beat, int count, string? location = null, bool domestic = false) =>
        new(M(month), beat, Category.Incident, null, location, domestic, count);

    /// <summary>Every month from..to has data; by default beat-extract data, which has domestic and location type.</summary>
    public static List<MonthCoverage> Covered(string from, string to, bool domestic = true, bool location = true) =>
        YearMonth.Range(M(from), M(to)).Select(m => new MonthCoverage(m, domestic, location)).ToList();

    public static FinancialQuarter Q(int startYear, int quarter) => new(startYear, quarter);

    public static Summary Calculate(
        FinancialQuarter period, IEnumerable<MonthlyFact> facts, IEnumerable<MonthCoverage> coverage, FiguresOptions? options = null) =>
        SummaryCalculator.Calculate(period, facts.ToList(), coverage.ToList(), options ?? FiguresOptions.Default);

    /// <summary>Q1 2023-24 with both year-to-date periods fully covered.</summary>
    public static Summary CalculateQ1(IEnumerable<MonthlyFact> facts) =>
        Calculate(Q(2023, 1), facts, [.. Covered("2022-04", "2022-06"), .. Covered("2023-04", "2023-06")]);
}
