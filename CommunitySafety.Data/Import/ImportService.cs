using CommunitySafety.Data.Model;
using CommunitySafety.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Data.Import;

/// <summary>
/// Everything about imports that a page or the command line asks for, in one place: the history, what an undo would
/// bring back and the undo itself, the beat map with its coverage and the re-grouping it allows, and the import turn.
/// Imports themselves go through <see cref="Importer"/>, which this service shares.
/// </summary>
public sealed class ImportService(
    IDbContextFactory<CommunitySafetyDb> dbFactory, Importer importer, BeatMapStore beatMaps, StoredUploads uploads, DataSettings settings)
{
    public Importer Importer => importer;

    public BeatMapStore BeatMaps => beatMaps;

    /// <summary>True while another import, undo or re-grouping holds the turn: the next waits.</summary>
    public bool IsBusy => importer.IsBusy;

    /// <summary>Every import, newest first, with what it holds and which of its months are live now.</summary>
    public Task<IReadOnlyList<ImportHistoryEntry>> HistoryAsync(CancellationToken cancellationToken = default) =>
        ImportHistory.ListAsync(dbFactory, cancellationToken);

    /// <summary>The question to ask before an undo: "Undoing import 4: Apr 2023 to Jun 2023 will come from import 3 again."</summary>
    public async Task<string> DescribeUndoAsync(int importId, CancellationToken cancellationToken = default) =>
        UndoPreview.Describe(importId, await UndoPreview.MonthsAsync(dbFactory, importId, cancellationToken));

    public Task<UndoReport> UndoAsync(int importId, CancellationToken cancellationToken = default) =>
        importer.UndoAsync(importId, cancellationToken);

    /// <summary>The LSOAs of the kept police.uk files that the current beat map places in no beat.</summary>
    public Task<IReadOnlyList<UnmappedLsoa>> UnmappedAsync(BeatMap map, CancellationToken cancellationToken = default) =>
        BeatMapCoverage.FindAsync(dbFactory, uploads, map, settings.Area, cancellationToken);

    /// <summary>The police.uk imports whose live months a new beat map would group afresh.</summary>
    public Task<IReadOnlyList<RegroupCandidate>> RegroupCandidatesAsync(CancellationToken cancellationToken = default) =>
        Regrouping.CandidatesAsync(dbFactory, uploads, cancellationToken);

    /// <summary>Re-runs those imports from their kept files under the current beat map; none when there is no map.</summary>
    public async Task<IReadOnlyList<(RegroupCandidate Candidate, ImportReport Report)>> RegroupAsync(string? importedBy, CancellationToken cancellationToken = default) =>
        beatMaps.CurrentPath is { } mapPath
            ? await Regrouping.RegroupAsync(dbFactory, importer, uploads, mapPath, importedBy, cancellationToken)
            : [];
}
