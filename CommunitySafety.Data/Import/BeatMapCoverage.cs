using CommunitySafety.Data.Model;
using CommunitySafety.Data.Storage;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Data.Import;

/// <summary>An LSOA of the area, found in imported police.uk data, that the beat map does not place in a beat.</summary>
public sealed record UnmappedLsoa(string Code, string Name, int Rows);

/// <summary>Which LSOAs of the imported police.uk files (read again from the stored uploads) the beat map leaves out.</summary>
public static class BeatMapCoverage
{
    /// <summary>
    /// LSOAs named after the area (police.uk names them "Harborough 002A") that the map places in no beat, by code or
    /// by name, with how many rows each has. The map may list 2011 codes, 2021 codes, or both.
    /// </summary>
    public static async Task<IReadOnlyList<UnmappedLsoa>> FindAsync(
        IDbContextFactory<CommunitySafetyDb> dbFactory, StoredUploads uploads, BeatMap map, string area, CancellationToken cancellationToken = default)
    {
        List<(string Sha256, string FileName)> files;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var policeUk = ImportFormat.PoliceUk.ToName();
            files = (await db.ImportFiles
                    .Where(f => f.Format == policeUk && db.Imports.Any(i => i.Id == f.ImportId && i.Status == ImportStatus.Committed))
                    .Select(f => new { f.Sha256, f.FileName })
                    .ToListAsync(cancellationToken))
                .DistinctBy(f => f.Sha256)
                .Select(f => (f.Sha256, f.FileName))
                .ToList();
        }

        var found = new Dictionary<(string Code, string Name), int>();
        foreach (var (sha, fileName) in files.Where(f => uploads.Has(f.Sha256)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            CsvFileReader.Read(
                ImportSource.FromFile(uploads.PathOf(sha), fileName),
                () => new FileCollector(fileName, maxErrorsKept: 10),
                (normalized, _, _) => new LsoaRows(PoliceUkColumns.LsoaCode.FindIn(normalized), PoliceUkColumns.LsoaName.FindIn(normalized), area, map, found));
        }
        return found.Select(f => new UnmappedLsoa(f.Key.Code, f.Key.Name, f.Value))
            .OrderBy(l => l.Name, StringComparer.OrdinalIgnoreCase).ThenBy(l => l.Code, StringComparer.Ordinal)
            .ToList();
    }

    private sealed class LsoaRows(int code, int name, string area, BeatMap map, Dictionary<(string, string), int> found) : IRowReader
    {
        public void ReadRow(CsvReader row, int line)
        {
            var lsoaName = name >= 0 && name < row.FieldCount ? row.GetString(name).Trim() : "";
            if (!lsoaName.StartsWith(area + " ", StringComparison.OrdinalIgnoreCase)) return;
            var lsoaCode = code >= 0 && code < row.FieldCount ? row.GetString(code).Trim() : "";
            if (map.BeatOf(lsoaCode, lsoaName) is not null) return;
            found[(lsoaCode, lsoaName)] = found.GetValueOrDefault((lsoaCode, lsoaName)) + 1;
        }
    }
}
