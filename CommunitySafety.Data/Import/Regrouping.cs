using CommunitySafety.Data.Model;
using CommunitySafety.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Data.Import;

/// <summary>An earlier police.uk import that a new beat map can re-group: its live months and whether its files are kept.</summary>
public sealed record RegroupCandidate(int ImportId, DateTimeOffset ImportedAt, string? Grouping, IReadOnlyList<string> LiveMonths, IReadOnlyList<string> FileNames, bool FilesStored);

/// <summary>
/// Re-runs earlier police.uk imports from their stored files under the current beat map. Each becomes a new import
/// of the months it still holds (months a later import replaced stay with that import), so each can be undone.
/// </summary>
public static class Regrouping
{
    public static async Task<IReadOnlyList<RegroupCandidate>> CandidatesAsync(
        IDbContextFactory<CommunitySafetyDb> dbFactory, StoredUploads uploads, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var owners = await db.LiveOwnersByAreaAsync(null, cancellationToken);
        var imports = await db.Imports.AsNoTracking().Include(i => i.Files)
            .Where(i => i.Status == ImportStatus.Committed && i.Grouping != null)
            .OrderBy(i => i.Id)
            .ToListAsync(cancellationToken);
        return imports
            .Select(i => new RegroupCandidate(
                i.Id, i.ImportedAt, i.Grouping,
                owners.Where(o => o.Value == i.Id).Select(o => o.Key.Month).Distinct().Order().Select(m => YearMonth.FromKey(m).ToString()).ToList(),
                i.Files.Select(f => f.FileName).ToList(),
                i.Files.All(f => uploads.Has(f.Sha256))))
            .Where(c => c.LiveMonths.Count > 0)
            .ToList();
    }

    /// <summary>One report per import re-run, in the order they were first imported.</summary>
    public static async Task<IReadOnlyList<(RegroupCandidate Candidate, ImportReport Report)>> RegroupAsync(
        IDbContextFactory<CommunitySafetyDb> dbFactory, Importer importer, StoredUploads uploads, string beatMapPath, string? importedBy,
        CancellationToken cancellationToken = default)
    {
        var results = new List<(RegroupCandidate, ImportReport)>();
        foreach (var candidate in await CandidatesAsync(dbFactory, uploads, cancellationToken))
        {
            if (!candidate.FilesStored) continue;
            List<UploadedFile> files;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
                files = await db.ImportFiles.Where(f => f.ImportId == candidate.ImportId).OrderBy(f => f.Id)
                    .Select(f => new UploadedFile(uploads.PathOf(f.Sha256), f.FileName))
                    .ToListAsync(cancellationToken);
            var months = candidate.LiveMonths.Select(m => YearMonth.TryParseIso(m, out var ym) ? ym.Key : 0).ToHashSet();
            var report = await importer.ImportAsync(
                new ImportRequest(files, ImportFormat.PoliceUk, beatMapPath, importedBy, RerunMonths: months), cancellationToken);
            results.Add((candidate, report));
        }
        return results;
    }
}
