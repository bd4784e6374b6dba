using System.Globalization;
using CommunitySafety.Data;
using CommunitySafety.Data.Import;
using CommunitySafety.Data.Model;

namespace CommunitySafety.Dashboard.Components.Pages.Report;

/// <summary>The sentence at the foot of the report that says which imports its figures come from.</summary>
public static class ReportSources
{
    public static string Describe(IReadOnlyList<ImportHistoryEntry> imports, YearMonth from, YearMonth to)
    {
        var used = imports
            .Select(i => (Import: i, Months: i.LiveMonths.Select(Month).Where(m => m >= from && m <= to).ToList()))
            .Where(i => i.Months.Count > 0)
            .OrderBy(i => i.Months[0])
            .Select(i => $"import {i.Import.Id} ({Files(i.Import)}, imported {i.Import.ImportedAt.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}) for {MonthRanges(i.Months)}")
            .ToList();
        return used.Count == 0
            ? "No import holds data for these months."
            : $"The figures come from {string.Join("; ", used)}.";
    }

    /// <summary>"Apr 2019 to Jun 2023 and Aug 2023": runs of consecutive months.</summary>
    public static string MonthRanges(IEnumerable<YearMonth> months)
    {
        var runs = new List<(YearMonth First, YearMonth Last)>();
        foreach (var month in months.Distinct().Order())
        {
            if (runs.Count > 0 && runs[^1].Last.AddMonths(1) == month) runs[^1] = (runs[^1].First, month);
            else runs.Add((month, month));
        }
        var words = runs.Select(r => r.First == r.Last ? r.First.ToDisplayString() : $"{r.First.ToDisplayString()} to {r.Last.ToDisplayString()}").ToList();
        return Words.And(words);
    }

    private static string Files(ImportHistoryEntry import) => import.Files.Count switch
    {
        0 => "no files",
        <= 2 => string.Join(" and ", import.Files.Select(f => f.FileName)),
        var n => $"{n} files, {import.Files[0].FileName} to {import.Files[^1].FileName}",
    };

    private static YearMonth Month(string iso) =>
        YearMonth.TryParseIso(iso, out var month) ? month : throw new FormatException($"'{iso}' is not a month like 2023-04.");
}
