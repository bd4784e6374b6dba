using CommunitySafety.Data.Model;
using CommunitySafety.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Data.Import;

public sealed record ImportHistoryEntry(
    int Id,
    DateTimeOffset ImportedAt,
    string? ImportedBy,
    ImportStatus Status,
    DateTimeOffset? UndoneAt,
    int RowsRead,
    int RowsKept,
    int RowsSkipped,
    string? Grouping,
    IReadOnlyList<ImportedFileReport> Files,
    IReadOnlyList<MonthReplacement> Months,
    IReadOnlyList<YearMonth> LiveMonths,
    IReadOnlyList<CountedReason> SkipReasons,
    IReadOnlyList<string> Warnings);

/// <summary>Every import, newest first, with what it holds and which of its months are live now.</summary>
public static class ImportHistory
{
    public static async Task<IReadOnlyList<ImportHistoryEntry>> ListAsync(IDbContextFactory<CommunitySafetyDb> dbFactory, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var imports = await db.Imports.AsNoTracking()
            .Include(i => i.Files).Include(i => i.Months).Include(i => i.Messages)
            .OrderByDescending(i => i.Id)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var owners = await db.LiveOwnersByAreaAsync(null, cancellationToken);

        return imports.Select(i => new ImportHistoryEntry(
            i.Id, i.ImportedAt, i.ImportedBy,
            i.Status,
            i.UndoneAt, i.RowsRead, i.RowsKept, i.RowsSkipped, i.Grouping,
            i.Files.OrderBy(f => f.Id).Select(f => new ImportedFileReport(f.FileName, ImportFormatNames.TryParse(f.Format, out var format) ? format : ImportFormat.Auto, f.Sha256, f.Encoding, f.RowsRead, f.RowsKept, f.RowsSkipped)).ToList(),
            // One line a month: an import of several areas holds each month once per area; the home area's line is shown.
            i.Months.GroupBy(m => m.Month).OrderBy(g => g.Key).Select(g => g.OrderBy(m => m.AreaId).First())
                .Select(m => new MonthReplacement(YearMonth.FromKey(m.Month), m.ReplacedImportId)).ToList(),
            i.Months.Where(m => owners.GetValueOrDefault((m.AreaId, m.Month)) == i.Id).Select(m => m.Month).Distinct().Order().Select(YearMonth.FromKey).ToList(),
            i.Messages.Where(m => m.Kind == ImportMessageKind.Skipped).Select(m => new CountedReason(m.Text, m.Count)).ToList(),
            i.Messages.Where(m => m.Kind == ImportMessageKind.Warning).Select(m => m.Text).ToList()))
            .ToList();
    }
}
