using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Data.Import;

/// <summary>The quarterly beat extracts in data/sample, loaded so that a first run shows a real dashboard.</summary>
public static class SampleData
{
    /// <summary>Where the build copies data/sample (see CommunitySafety.Dashboard.csproj).</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "sample-data");

    /// <summary>Imports every CSV in <paramref name="folder"/> when the database has never had an import. True if it did.</summary>
    public static async Task<bool> LoadIfEmptyAsync(
        IDbContextFactory<CommunitySafetyDb> dbFactory, Importer importer, string? folder = null, CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            if (await db.Imports.AnyAsync(cancellationToken)) return false;

        folder ??= DefaultFolder;
        var files = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal).Select(UploadedFile.FromPath).ToList()
            : [];
        if (files.Count == 0) throw new FileNotFoundException($"The sample data is missing: no CSV files in {folder}.");

        var report = await importer.ImportAsync(new ImportRequest(files, ImportedBy: FiguresService.SampleDataImporter), cancellationToken);
        if (report.Outcome != ImportOutcome.Imported)
            throw new InvalidDataException($"The sample data could not be loaded: {report.Message} {string.Join(" ", report.Errors.Take(3))}");
        return true;
    }
}
