using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Model;
using CommunitySafety.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Data.Import;

public sealed record ImportRequest(
    IReadOnlyList<UploadedFile> Files,
    ImportFormat Format = ImportFormat.Auto,
    string? BeatMapPath = null,
    string? ImportedBy = null,
    IProgress<ImportProgress>? Progress = null,
    string? ErrorReportPath = null,
    IReadOnlySet<int>? RerunMonths = null,
    string? Area = null,
    Action<string>? Waiting = null);

public sealed record UndoReport(bool Done, string Message, IReadOnlyList<MonthReplacement> MonthsRestored);

/// <summary>
/// The import rules of ../shared/spec/import-formats.md: all or nothing, latest wins per month, an identical file
/// changes nothing, undo, and a record of every import. One import or undo runs at a time through this importer (the
/// app has one), and the writer's IMMEDIATE transaction makes other processes take turns too.
/// </summary>
public sealed class Importer(
    IDbContextFactory<CommunitySafetyDb> dbFactory,
    IImportWriter writer,
    TimeProvider time,
    string area = "Harborough",
    int maxErrorsKept = 10_000,
    StoredUploads? uploads = null,
    ZipLimits? zipLimits = null,
    AreaChoice? areas = null,
    DataVersion? dataVersion = null)
{
    private readonly AreaChoice _areas = areas is null || !areas.IsHome(area) ? new AreaChoice(area, areas?.Include) : areas;

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>True while another import or undo holds this importer's turn.</summary>
    public bool IsBusy => _oneAtATime.CurrentCount == 0;

    /// <summary>Prepares and, when the files are good, commits at once: the command line's import.</summary>
    public async Task<ImportReport> ImportAsync(ImportRequest request, CancellationToken cancellationToken = default)
    {
        using var prepared = await PrepareAsync(request, cancellationToken);
        return prepared.IsReady ? await CommitAsync(prepared, cancellationToken: cancellationToken) : prepared.Report;
    }

    /// <summary>
    /// Reads, checks and aggregates the files and works out what importing them would change, writing nothing. A
    /// prepared import that is ready holds the turn until it is committed or disposed, so what it shows stays true;
    /// a refused or unchanged one gives the turn back at once.
    /// </summary>
    public async Task<PreparedImport> PrepareAsync(ImportRequest request, CancellationToken cancellationToken = default)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        var turn = new Turn(_oneAtATime);
        try
        {
            var prepared = await PrepareInTurnAsync(request, turn, cancellationToken);
            if (!prepared.IsReady) turn.Dispose();
            return prepared;
        }
        catch
        {
            turn.Dispose();
            throw;
        }
    }

    private async Task<PreparedImport> PrepareInTurnAsync(ImportRequest request, Turn turn, CancellationToken cancellationToken)
    {
        request.Progress?.Report(new ImportProgress(0, 0, "")); // the turn has come: reading starts
        var errorReport = request.ErrorReportPath is null ? null : new ErrorReportFile(request.ErrorReportPath);
        PreparedImport Refuse(IReadOnlyList<ImportError> errors, int total)
        {
            errorReport?.Write(errors);
            return PreparedImport.Finished(Refused(errors, total));
        }

        if (request.Files.Count == 0) return Refuse([new ImportError("(no file)", null, null, null, "No file was given to import.")], 1);

        BeatMap? beatMap = null;
        if (request.BeatMapPath is not null)
        {
            var (map, mapErrors) = BeatMap.Load(ImportSource.FromFile(request.BeatMapPath));
            if (map is null) return Refuse(mapErrors, mapErrors.Count);
            beatMap = map;
        }

        var (names, alreadyImported) = await WhatIsKnownAsync(beatMap, request, cancellationToken);
        var reading = ImportReader.Read(request.Files, request.Format, names, alreadyImported, maxErrorsKept, request.Progress, errorReport, zipLimits);
        var files = reading.Files;
        if (reading.TotalErrors > 0)
            return PreparedImport.Finished(Refused([.. reading.AllErrors.Take(maxErrorsKept)], reading.TotalErrors, files, reading.Warnings));
        if (files.Count == 0)
            return PreparedImport.Finished(new ImportReport
            {
                Outcome = ImportOutcome.Unchanged,
                Message = "Nothing changed: every file had already been imported, byte for byte.",
                Warnings = reading.Warnings,
            });

        var prepared = Aggregate(request, reading, names, beatMap, turn);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            prepared.Preview = await ImportPreviews.BuildAsync(db, prepared, names, area, cancellationToken);
        return prepared;
    }

    /// <summary>The names the data already has (so new ones are told apart) and the files already imported, by SHA-256.</summary>
    private async Task<(ImportNames Names, Dictionary<string, int> AlreadyImported)> WhatIsKnownAsync(BeatMap? beatMap, ImportRequest request, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var types = await TypesInUseAsync(db, cancellationToken);
        var names = new ImportNames(_areas, beatMap,
            (await db.Beats.Join(db.Areas, b => b.AreaId, a => a.Id, (b, a) => new { Area = a.IsHome ? null : a.Name, b.Name })
                .ToListAsync(cancellationToken)).Select(b => (b.Area, b.Name)),
            types.Select(t => t.CrimeType).OfType<string>().Distinct(),
            types.Select(t => t.LocationType).OfType<string>().Distinct(),
            request.Area);
        // A re-run reads files already imported, on purpose; the same bytes may be another area's extract.
        if (request.RerunMonths is not null || names.ExtractArea is not null) return (names, []);
        var alreadyImported = (await db.ImportFiles
                .Join(db.Imports.Where(i => i.Status == ImportStatus.Committed), f => f.ImportId, i => i.Id, (f, i) => new { f.Sha256, f.ImportId })
                .ToListAsync(cancellationToken))
            .GroupBy(f => f.Sha256)
            .ToDictionary(g => g.Key, g => g.Max(f => f.ImportId));
        return (names, alreadyImported);
    }

    /// <summary>
    /// The crime and location types of the latest year's live data, so that a new file's "criminal damage" is stored
    /// as the "Criminal Damage" already shown. Only that year: reading every fact ever stored would make each import
    /// slower than the one before.
    /// </summary>
    private static async Task<List<(string? CrimeType, string? LocationType)>> TypesInUseAsync(CommunitySafetyDb db, CancellationToken cancellationToken)
    {
        if (await db.ImportMonths.MaxAsync(m => (int?)m.Month, cancellationToken) is not int latest) return [];
        var since = YearMonth.FromKey(latest).AddMonths(-11).Key;
        return (await (
                    from f in db.Facts
                    join o in db.LatestOwners().Where(o => o.Month >= since) on new { f.Month, f.ImportId } equals new { o.Month, o.ImportId }
                    select new { f.CrimeType, f.LocationType })
                .Distinct().ToListAsync(cancellationToken))
            .Select(t => ((string?)t.CrimeType, (string?)t.LocationType)).ToList();
    }

    /// <summary>The files read, merged into one import's months, facts, counts and reasons; a re-run keeps only its months.</summary>
    private static PreparedImport Aggregate(ImportRequest request, ImportReading reading, ImportNames names, BeatMap? beatMap, Turn turn)
    {
        var files = reading.Files;
        var months = MergeMonths(files, names);
        var facts = MergeFacts(files, names).ToList();
        var skipReasons = files.SelectMany(f => f.SkipReasons)
            .GroupBy(r => r.Key).Select(g => new CountedReason(g.Key, g.Sum(r => r.Value)))
            .ToList();
        var rowsKept = files.Sum(f => f.RowsKept);
        if (request.RerunMonths is { } rerun)
        {
            // Months whose data a later import has replaced stay with that import. police.uk rows count one each.
            var dropped = facts.Where(f => !rerun.Contains(f.Month)).Sum(f => f.Count);
            months = months.Where(m => rerun.Contains(m.Month)).ToList();
            facts = facts.Where(f => rerun.Contains(f.Month)).ToList();
            if (dropped > 0) skipReasons.Add(new CountedReason("in a month whose data now comes from a later import", dropped));
            rowsKept -= dropped;
        }
        skipReasons = skipReasons.OrderByDescending(r => r.Count).ToList();
        var policeUk = files.Any(f => f.Format == ImportFormat.PoliceUk);
        var fileReports = files.Select(ToReport).ToList();

        return new PreparedImport(turn)
        {
            Request = request,
            Reading = reading,
            Months = months,
            Facts = facts,
            Grouping = policeUk ? (beatMap is null ? "neighbourhood" : "beat map") : null,
            RowsRead = files.Sum(f => f.RowsRead),
            RowsKept = rowsKept,
            RowsSkipped = files.Sum(f => f.RowsRead) - rowsKept,
            SkipReasons = skipReasons,
            Warnings = [.. reading.Warnings, .. files.SelectMany(f => f.Warnings), .. AreasNotKeptWarning(files)],
            Files = fileReports,
        };
    }

    /// <summary>
    /// Writes a prepared import, in one transaction, and gives back the turn. <paramref name="beatAliases"/> imports a
    /// new beat name as a known beat (the preview's suggestions the analyst accepted). The months replaced are worked
    /// out again as the import is written, so they are right even if another process imported meanwhile.
    /// </summary>
    public async Task<ImportReport> CommitAsync(
        PreparedImport prepared, IReadOnlyDictionary<string, string>? beatAliases = null, CancellationToken cancellationToken = default)
    {
        if (!prepared.IsReady) throw new InvalidOperationException("Only a prepared import that is ready can be committed.");
        if (!prepared.TryStartCommit()) throw new InvalidOperationException("This import was already committed or cancelled.");
        try
        {
            var aliases = new Dictionary<string, string>(beatAliases ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);
            var usedAliases = aliases.Where(a => prepared.Preview.NewBeats.Contains(a.Key, StringComparer.OrdinalIgnoreCase)).ToList();
            var facts = usedAliases.Count == 0 ? prepared.Facts : ApplyAliases(prepared.Facts, usedAliases.ToDictionary(StringComparer.OrdinalIgnoreCase));
            var warnings = prepared.Warnings
                .Concat(prepared.Preview.QualityWarnings.Select(w => w.Text))
                .Concat(usedAliases.Select(a => $"\"{a.Key}\" was imported as the known beat \"{a.Value}\"."))
                .ToList();
            if (warnings.Count > ImportLimits.WarningsKept) // kept with the import and printed: the first ones, then a count
                warnings = [.. warnings.Take(ImportLimits.WarningsKept), $"... and {warnings.Count - ImportLimits.WarningsKept:N0} more warnings like these."];
            var monthList = prepared.Months.Select(m => m.Month).Distinct().Order().Select(YearMonth.FromKey).ToList();
            var populations = prepared.Reading.Files.SelectMany(f => f.Populations).ToList();
            var newImport = new NewImport(
                time.GetUtcNow(),
                prepared.Request.ImportedBy,
                prepared.Grouping,
                prepared.RowsRead,
                prepared.RowsKept,
                prepared.RowsSkipped,
                prepared.Files,
                prepared.Months,
                [
                    .. prepared.SkipReasons.Select(r => new NewImportMessage(ImportMessageKind.Skipped, r.Reason, r.Count)),
                    .. warnings.Select(w => new NewImportMessage(ImportMessageKind.Warning, w, 1)),
                ],
                facts,
                populations.Count > 0 ? "Population figures imported" : DescribeMonths(monthList) + " imported",
                area,
                populations,
                prepared.Request.Waiting,
                time);

            // Kept before the transaction: a stored file without its import is harmless, an import without its file is not.
            // Only police.uk files are kept (re-grouping under a new beat map re-reads them); they hold no personal data,
            // while an analyst's extract might.
            if (uploads is not null)
                foreach (var file in prepared.Reading.Files.Where(f => f.Format == ImportFormat.PoliceUk))
                    uploads.Keep(prepared.Reading.SourceOf[file], file.Sha256);

            var written = await writer.WriteAsync(newImport, cancellationToken);
            dataVersion?.Changed();
            return new ImportReport
            {
                Outcome = ImportOutcome.Imported,
                ImportId = written.ImportId,
                Message = populations.Count > 0
                    ? $"Import {written.ImportId} done: {populations.Count:N0} population figures kept{DescribeYears(populations)}. They are used from now on; undo the import to go back to the ones before."
                    : $"Import {written.ImportId} done: {newImport.RowsKept:N0} rows kept for {DescribeMonths(monthList)}.",
                Files = prepared.Files,
                RowsRead = newImport.RowsRead,
                RowsKept = newImport.RowsKept,
                RowsSkipped = newImport.RowsSkipped,
                SkipReasons = prepared.SkipReasons,
                Warnings = warnings,
                Months = written.Months,
            };
        }
        finally
        {
            prepared.Dispose();
        }
    }

    private static List<NewFact> ApplyAliases(IEnumerable<NewFact> facts, IReadOnlyDictionary<string, string> aliases) =>
        facts.Select(f => f.Area is null && aliases.TryGetValue(f.Beat, out var known) ? f with { Beat = known } : f)
            .GroupBy(f => f with { Count = 0 })
            .Select(g => g.Key with { Count = g.Sum(f => f.Count) })
            .ToList();

    /// <summary>The import turn, given back exactly once.</summary>
    internal sealed class Turn(SemaphoreSlim turns) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) turns.Release();
        }
    }

    /// <summary>Undoes an import: the months it holds go back to the import they came from before it.</summary>
    public async Task<UndoReport> UndoAsync(int importId, CancellationToken cancellationToken = default)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var import = await db.Imports.Include(i => i.Months).SingleOrDefaultAsync(i => i.Id == importId, cancellationToken);
            if (import is null) return new UndoReport(false, $"There is no import {importId}.", []);
            if (import.Status == ImportStatus.Undone) return new UndoReport(false, $"Import {importId} was already undone.", []);

            var monthKeys = import.Months.Select(m => m.Month).Distinct().ToList();
            var owners = await db.LiveOwnersByAreaAsync(monthKeys, cancellationToken);
            import.Status = ImportStatus.Undone;
            import.UndoneAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            var ownersAfter = await db.LiveOwnersByAreaAsync(monthKeys, cancellationToken);

            // One line a month (the home area's, or the first area's, when the import holds several areas).
            var restored = import.Months.Where(m => owners.GetValueOrDefault((m.AreaId, m.Month)) == importId)
                .GroupBy(m => m.Month).OrderBy(g => g.Key).Select(g => g.OrderBy(m => m.AreaId).First())
                .Select(m => new MonthReplacement(YearMonth.FromKey(m.Month), ownersAfter.TryGetValue((m.AreaId, m.Month), out var o) ? o : null))
                .ToList();
            var description = $"Import {importId} undone";
            db.Changes.Add(new DataChangeRecord { At = time.GetUtcNow(), Description = description });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            dataVersion?.Changed();
            return new UndoReport(true, $"{description}. {DescribeRestored(restored)}", restored);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private static string DescribeRestored(IReadOnlyList<MonthReplacement> restored)
    {
        if (restored.Count == 0) return "No month changed: later imports had already replaced all of its months.";
        var parts = restored.GroupBy(r => r.ReplacedImportId).Select(g =>
        {
            var months = DescribeMonths(g.Select(r => r.Month).ToList());
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
        return new ImportReport
        {
            Outcome = ImportOutcome.Refused,
            Message = message,
            Files = files?.Select(ToReport).ToList() ?? [],
            RowsRead = files?.Sum(f => f.RowsRead) ?? 0,
            Warnings = warnings ?? [],
            Errors = errors,
            TotalErrors = total,
        };
    }

    private static ImportedFileReport ToReport(FileCollector f) =>
        new(f.FileName, f.Format, f.Sha256, f.Encoding, f.RowsRead, f.RowsKept, f.RowsSkipped);

    /// <summary>
    /// The months each area's rows fill (an import replaces a month only in the areas it holds rows for). A month held by
    /// several files of one import can answer the domestic question only if all of them can.
    /// </summary>
    private static List<NewImportMonth> MergeMonths(IEnumerable<FileCollector> files, ImportNames names) =>
        files.SelectMany(f => f.Counts.Keys
                .Select(FactKey.MonthAndBeat)
                .Select(k => (k.Month, Area: names.Beats.Of(k.Beat).Area))
                .Distinct()
                .Select(k => (k.Month, k.Area, Flags: f.Months[k.Month])))
            .GroupBy(m => (m.Month, Area: m.Area?.ToUpperInvariant()))
            .Select(g => new NewImportMonth(g.Key.Month, g.All(m => m.Flags.HasDomestic), g.All(m => m.Flags.HasLocationType), g.First().Area))
            .OrderBy(m => m.Area is not null).ThenBy(m => m.Area, StringComparer.OrdinalIgnoreCase).ThenBy(m => m.Month)
            .ToList();

    private static IEnumerable<NewFact> MergeFacts(IReadOnlyList<FileCollector> files, ImportNames names)
    {
        var counts = files.Count == 1 ? files[0].Counts : new Dictionary<long, int>();
        if (files.Count > 1)
            foreach (var (key, count) in files.SelectMany(f => f.Counts))
                counts[key] = counts.GetValueOrDefault(key) + count;
        return counts.Select(c => FactKey.Unpack(c.Key, c.Value, names));
    }

    /// <summary>Which areas a police.uk file holds rows of that the setting Areas:Include does not keep; nothing when there are none.</summary>
    private static IEnumerable<string> AreasNotKeptWarning(IEnumerable<FileCollector> files)
    {
        var areas = files.SelectMany(f => f.AreasNotKept).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        if (areas.Count == 0) yield break;
        yield return $"The files also hold rows of {areas.Count:N0} area{(areas.Count == 1 ? "" : "s")} not kept, which were skipped: " +
                     $"{CsvFileReader.ListForPeople(areas)}. The setting Areas:Include chooses the areas kept.";
    }

    /// <summary>" (mid-year estimates of 2021 and 2022)", or nothing when the figures have no year.</summary>
    private static string DescribeYears(IEnumerable<NewPopulation> populations)
    {
        var years = populations.Select(p => p.Year).OfType<int>().Distinct().Order().Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return years.Count == 0 ? " (for every year)" : $" (mid-year estimate{(years.Count > 1 ? "s" : "")} of {Words.And(years)})";
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
