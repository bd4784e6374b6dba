using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Data.Import;

public sealed record ImportRequest(
    IReadOnlyList<UploadedFile> Files,
    ImportFormat Format = ImportFormat.Auto,
    string? BeatMapPath = null,
    string? ImportedBy = null,
    IProgress<ImportProgress>? Progress = null);

public sealed record UndoReport(bool Done, string Message, IReadOnlyList<MonthReplacement> MonthsRestored);

/// <summary>
/// The import rules of ../shared/spec/import-formats.md: all or nothing, latest wins per month, an identical file
/// changes nothing, undo, and a record of every import. One import or undo runs at a time in this process, and the
/// writer's IMMEDIATE transaction makes other processes take turns too.
/// </summary>
public sealed class Importer(
    IDbContextFactory<CommunitySafetyDb> dbFactory,
    IImportWriter writer,
    TimeProvider time,
    string area = "Harborough",
    int maxErrorsKept = 10_000)
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>True while another import or undo of this process holds the turn.</summary>
    public static bool IsBusy => OneAtATime.CurrentCount == 0;

    public async Task<ImportReport> ImportAsync(ImportRequest request, CancellationToken cancellationToken = default)
    {
        await OneAtATime.WaitAsync(cancellationToken);
        try
        {
            return await ImportInTurnAsync(request, cancellationToken);
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private async Task<ImportReport> ImportInTurnAsync(ImportRequest request, CancellationToken cancellationToken)
    {
        if (request.Files.Count == 0) return Refused([new ImportError("(no file)", null, null, null, "No file was given to import.")], 1);

        BeatMap? beatMap = null;
        if (request.BeatMapPath is not null)
        {
            var (map, mapErrors) = BeatMap.Load(ImportSource.FromFile(request.BeatMapPath));
            if (map is null) return Refused(mapErrors, mapErrors.Count);
            beatMap = map;
        }

        ImportNames names;
        Dictionary<string, int> alreadyImported;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            names = new ImportNames(area, beatMap,
                await db.Beats.Select(b => b.Name).ToListAsync(cancellationToken),
                await db.Facts.Where(f => f.CrimeType != null).Select(f => f.CrimeType!).Distinct().ToListAsync(cancellationToken),
                await db.Facts.Where(f => f.LocationType != null).Select(f => f.LocationType!).Distinct().ToListAsync(cancellationToken));
            alreadyImported = (await db.ImportFiles
                    .Join(db.Imports.Where(i => i.Status == ImportStatus.Committed), f => f.ImportId, i => i.Id, (f, i) => new { f.Sha256, f.ImportId })
                    .ToListAsync(cancellationToken))
                .GroupBy(f => f.Sha256)
                .ToDictionary(g => g.Key, g => g.Max(f => f.ImportId));
        }

        var reading = ImportReader.Read(request.Files, request.Format, names, alreadyImported, maxErrorsKept, request.Progress);
        var files = reading.Files;
        if (reading.TotalErrors > 0) return Refused([.. reading.AllErrors.Take(maxErrorsKept)], reading.TotalErrors, files, reading.Warnings);
        if (files.Count == 0)
            return new ImportReport(ImportOutcome.Unchanged, null,
                "Nothing changed: every file had already been imported, byte for byte.",
                [], 0, 0, 0, [], reading.Warnings, [], [], 0);

        var months = MergeMonths(files);
        var skipReasons = files.SelectMany(f => f.SkipReasons)
            .GroupBy(r => r.Key).Select(g => new CountedReason(g.Key, g.Sum(r => r.Value)))
            .OrderByDescending(r => r.Count).ToList();
        var warnings = reading.Warnings.Concat(files.SelectMany(f => f.Warnings)).ToList();
        var fileReports = files.Select(ToReport).ToList();
        var policeUk = files.Any(f => f.Format == ImportFormat.PoliceUk.ToName());
        var newImport = new NewImport(
            time.GetUtcNow(),
            request.ImportedBy,
            policeUk ? (beatMap is null ? "neighbourhood" : "beat map") : null,
            files.Sum(f => f.RowsRead),
            files.Sum(f => f.RowsKept),
            files.Sum(f => f.RowsSkipped),
            fileReports,
            months,
            [
                .. skipReasons.Select(r => new NewImportMessage(ImportMessageKind.Skipped, r.Reason, r.Count)),
                .. warnings.Select(w => new NewImportMessage(ImportMessageKind.Warning, w, 1)),
            ],
            MergeFacts(files, names),
            DescribeMonths(months.Select(m => YearMonth.FromKey(m.Month)).ToList()) + " imported");

        var written = await writer.WriteAsync(newImport, cancellationToken);
        return new ImportReport(ImportOutcome.Imported, written.ImportId,
            $"Import {written.ImportId} done: {newImport.RowsKept:N0} rows kept for {DescribeMonths(months.Select(m => YearMonth.FromKey(m.Month)).ToList())}.",
            fileReports, newImport.RowsRead, newImport.RowsKept, newImport.RowsSkipped, skipReasons, warnings, written.Months, [], 0);
    }

    /// <summary>Undoes an import: the months it holds go back to the import they came from before it.</summary>
    public async Task<UndoReport> UndoAsync(int importId, CancellationToken cancellationToken = default)
    {
        await OneAtATime.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var import = await db.Imports.Include(i => i.Months).SingleOrDefaultAsync(i => i.Id == importId, cancellationToken);
            if (import is null) return new UndoReport(false, $"There is no import {importId}.", []);
            if (import.Status == ImportStatus.Undone) return new UndoReport(false, $"Import {importId} was already undone.", []);

            var monthKeys = import.Months.Select(m => m.Month).ToList();
            var owners = await LiveOwnersAsync(db, monthKeys, cancellationToken);
            import.Status = ImportStatus.Undone;
            import.UndoneAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            var ownersAfter = await LiveOwnersAsync(db, monthKeys, cancellationToken);

            var restored = monthKeys.Where(m => owners.GetValueOrDefault(m) == importId).Order()
                .Select(m => new MonthReplacement(YearMonth.FromKey(m).ToString(), ownersAfter.TryGetValue(m, out var o) ? o : null))
                .ToList();
            var description = $"Import {importId} undone";
            db.Changes.Add(new DataChangeRecord { At = time.GetUtcNow(), Description = description });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new UndoReport(true, $"{description}. {DescribeRestored(restored)}", restored);
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    /// <summary>Which committed import each month's live data comes from: the latest that holds it.</summary>
    internal static async Task<Dictionary<int, int>> LiveOwnersAsync(CommunitySafetyDb db, IReadOnlyCollection<int>? months, CancellationToken cancellationToken)
    {
        var query = db.ImportMonths.Where(m => db.Imports.Any(i => i.Id == m.ImportId && i.Status == ImportStatus.Committed));
        if (months is not null) query = query.Where(m => months.Contains(m.Month));
        return await query.GroupBy(m => m.Month)
            .Select(g => new { Month = g.Key, ImportId = g.Max(m => m.ImportId) })
            .ToDictionaryAsync(x => x.Month, x => x.ImportId, cancellationToken);
    }

    private static string DescribeRestored(IReadOnlyList<MonthReplacement> restored)
    {
        if (restored.Count == 0) return "No month changed: later imports had already replaced all of its months.";
        var parts = restored.GroupBy(r => r.ReplacedImportId).Select(g =>
        {
            var months = DescribeMonths(g.Select(r => YearMonth.TryParseIso(r.Month, out var m) ? m : default).ToList());
            return g.Key is int id ? $"{months} now come from import {id}" : $"{months} now have no data";
        });
        return string.Join("; ", parts) + ".";
    }

    private ImportReport Refused(IReadOnlyList<ImportError> errors, int total, IReadOnlyList<FileCollector>? files = null, IReadOnlyList<string>? warnings = null)
    {
        var message = total == 1
            ? "The import was refused because of 1 problem; nothing was changed."
            : $"The import was refused because of {total:N0} problems; nothing was changed.";
        if (total > errors.Count) message += $" The first {errors.Count:N0} are listed.";
        return new ImportReport(ImportOutcome.Refused, null, message, files?.Select(ToReport).ToList() ?? [],
            files?.Sum(f => f.RowsRead) ?? 0, 0, 0, [], warnings ?? [], [], errors, total);
    }

    private static ImportedFileReport ToReport(FileCollector f) =>
        new(f.FileName, f.Format, f.Sha256, f.Encoding, f.RowsRead, f.RowsKept, f.RowsSkipped);

    /// <summary>A month held by several files of one import can answer the domestic question only if all of them can.</summary>
    private static List<NewImportMonth> MergeMonths(IEnumerable<FileCollector> files) =>
        files.SelectMany(f => f.Months)
            .GroupBy(m => m.Key)
            .Select(g => new NewImportMonth(g.Key, g.All(m => m.Value.HasDomestic), g.All(m => m.Value.HasLocationType)))
            .OrderBy(m => m.Month)
            .ToList();

    private static IEnumerable<NewFact> MergeFacts(IReadOnlyList<FileCollector> files, ImportNames names)
    {
        var counts = files.Count == 1 ? files[0].Counts : new Dictionary<long, int>();
        if (files.Count > 1)
            foreach (var (key, count) in files.SelectMany(f => f.Counts))
                counts[key] = counts.GetValueOrDefault(key) + count;
        return counts.Select(c => FactKey.Unpack(c.Key, c.Value, names));
    }

    /// <summary>"Q2 2023-24 data" for a whole quarter, else "data for Apr 2023 to Jun 2023".</summary>
    public static string DescribeMonths(IReadOnlyList<YearMonth> months)
    {
        if (months.Count == 0) return "no months";
        var first = months.Min();
        var last = months.Max();
        var quarter = FinancialQuarter.Containing(first);
        if (months.Count == 3 && quarter.FirstMonth == first && quarter.LastMonth == last) return $"{quarter} data";
        return first == last ? $"data for {first.ToDisplayString()}" : $"data for {first.ToDisplayString()} to {last.ToDisplayString()}";
    }
}
