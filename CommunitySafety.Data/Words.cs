using CommunitySafety.Data.Model;

namespace CommunitySafety.Data;

/// <summary>Small pieces of English shared by the narrative, the warnings and the pages: lists, months and money.</summary>
public static class Words
{
    /// <summary>"A", "A and B", "A, B and C".</summary>
    public static string And(IEnumerable<string> items)
    {
        var list = items as IReadOnlyList<string> ?? items.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1];
    }

    /// <summary>Every month named: "Apr 2023, May 2023 and Jun 2023".</summary>
    public static string Months(IEnumerable<YearMonth> months) => And(months.Select(m => m.ToDisplayString()));

    /// <summary>Runs of consecutive months: "Apr 2019 to Jun 2023 and Aug 2023".</summary>
    public static string MonthRuns(IEnumerable<YearMonth> months)
    {
        var runs = new List<(YearMonth First, YearMonth Last)>();
        foreach (var month in months.Distinct().Order())
        {
            if (runs.Count > 0 && runs[^1].Last.AddMonths(1) == month) runs[^1] = (runs[^1].First, month);
            else runs.Add((month, month));
        }
        return And(runs.Select(r => r.First == r.Last ? r.First.ToDisplayString() : $"{r.First.ToDisplayString()} to {r.Last.ToDisplayString()}"));
    }

    /// <summary>Pounds and pence as the OPCC return writes them: "£2,107.50".</summary>
    public static string Money(decimal amount) => amount.ToString("£#,##0.00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whole pounds, for the plan's funding: "£5,600".</summary>
    public static string WholePounds(decimal amount) => amount.ToString("£#,##0", System.Globalization.CultureInfo.InvariantCulture);
}
