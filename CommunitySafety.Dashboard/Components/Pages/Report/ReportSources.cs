using System.Globalization;
using CommunitySafety.Data.Import;
using CommunitySafety.Data.Model;
using CommunitySafety.Data;

namespace CommunitySafety.Dashboard.Components.Pages.Report;

/// <summary>The sentence at the foot of the report that says which imports its figures come from.</summary>
public static class ReportSources
{
    public static string Describe(IReadOnlyList<ImportHistoryEntry> imports, YearMonth from, YearMonth to)
    {
        var used = imports
            .Select(i => (Import: i, Months: i.LiveMonths.Where(m => m >= from && m <= to).ToList()))
            .Where(i => i.Months.Count > 0)
            .OrderBy(i => i.Months[0])
            .Select(i => $"import {i.Import.Id} ({Files(i.Import)}, imported {i.Import.ImportedAt.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}) for {Words.MonthRuns(i.Months)}")
            .ToList();
        return used.Count == 0
            ? "No import holds data for these months."
            : $"The figures come from {string.Join("; ", used)}.";
    }

    private static string Files(ImportHistoryEntry import) => import.Files.Count switch
    {
        0 => "no files",
        <= 2 => string.Join(" and ", import.Files.Select(f => f.FileName)),
        var n => $"{n} files, {import.Files[0].FileName} to {import.Files[^1].FileName}",
    };
}
