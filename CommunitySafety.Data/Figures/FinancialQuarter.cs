using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using CommunitySafety.Data.Model;

namespace CommunitySafety.Data.Figures;

/// <summary>
/// Quarter <see cref="Quarter"/> of the financial year that starts in April of <see cref="StartYear"/>
/// ("2023-24" starts in April 2023). Quarter 4 (January to March) falls in the next calendar year.
/// </summary>
public readonly record struct FinancialQuarter(int StartYear, int Quarter) : IComparable<FinancialQuarter>
{
    /// <summary>"2023-24".</summary>
    public string FinancialYear => $"{StartYear:D4}-{(StartYear + 1) % 100:D2}";

    public YearMonth FirstMonthOfYear => new(StartYear, 4);

    /// <summary>The first month of this quarter alone.</summary>
    public YearMonth FirstMonth => FirstMonthOfYear.AddMonths((Quarter - 1) * 3);

    /// <summary>The last month of this quarter, and so of the year to date.</summary>
    public YearMonth LastMonth => FirstMonthOfYear.AddMonths(Quarter * 3 - 1);

    public FinancialQuarter PreviousYear => new(StartYear - 1, Quarter);

    public FinancialQuarter PreviousQuarter => Quarter == 1 ? new(StartYear - 1, 4) : new(StartYear, Quarter - 1);

    public FinancialQuarter NextQuarter => Quarter == 4 ? new(StartYear + 1, 1) : new(StartYear, Quarter + 1);

    /// <summary>The quarter that holds a calendar month.</summary>
    public static FinancialQuarter Containing(YearMonth month)
    {
        var startYear = month.Month >= 4 ? month.Year : month.Year - 1;
        var monthsIntoYear = (month.Month + 8) % 12; // April = 0 ... March = 11
        return new FinancialQuarter(startYear, monthsIntoYear / 3 + 1);
    }

    /// <summary>"Q1 2023-24".</summary>
    public override string ToString() => $"Q{Quarter} {FinancialYear}";

    /// <summary>"Apr-Jun 2023" for a quarter, for people.</summary>
    public string MonthsLabel =>
        $"{FirstMonth.ToDisplayString()[..3]}-{LastMonth.ToDisplayString()}";

    public int CompareTo(FinancialQuarter other) =>
        StartYear != other.StartYear ? StartYear.CompareTo(other.StartYear) : Quarter.CompareTo(other.Quarter);

    /// <summary>Reads "2023-24" (also "2023/24"); false for anything else, including "2023-25".</summary>
    public static bool TryParseYear(string? text, out int startYear)
    {
        startYear = 0;
        if (text is null) return false;
        text = text.Trim();
        if (text.Length != 7 || (text[4] != '-' && text[4] != '/')) return false;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var first)) return false;
        if (!int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var second)) return false;
        if (first < 1900 || first > 2998 || (first + 1) % 100 != second) return false;
        startYear = first;
        return true;
    }

    public static bool TryCreate(string? year, int quarter, [NotNullWhen(true)] out FinancialQuarter? result)
    {
        result = null;
        if (quarter is < 1 or > 4 || !TryParseYear(year, out var startYear)) return false;
        result = new FinancialQuarter(startYear, quarter);
        return true;
    }
}
