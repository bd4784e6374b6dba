using CommunitySafety.Data.Import;
using CommunitySafety.Tests.EndToEnd;

namespace CommunitySafety.Tests.Data.Import;

/// <summary>A test database holding the sample data (Apr 2019 to Sep 2023, one import), and sample quarters to change and re-import.</summary>
internal static class SampleDataImport
{
    public static string Folder => Path.Combine(DashboardServer.SolutionDirectory, "data", "sample");

    public static string Quarter(string year, int quarter) => Path.Combine(Folder, $"harborough-beat-extract-{year}-Q{quarter}.csv");

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await CommunitySafety.Data.Import.SampleData.LoadIfEmptyAsync(database.DbFactory, database.Importer, Folder);
        return database;
    }

    /// <summary>A sample quarter's lines (header first), changed by <paramref name="change"/>, written to the test folder.</summary>
    public static string Changed(TestDatabase database, string year, int quarter, Func<List<string>, IEnumerable<string>> change, string? name = null)
    {
        var lines = File.ReadAllLines(Quarter(year, quarter)).ToList();
        // An empty line at the end: the same rows, but not byte for byte the file already imported.
        return database.WriteFile(name ?? $"changed-{year}-Q{quarter}.csv", TestDatabase.Lines([.. change(lines), ""]));
    }

    public static Task<PreparedImport> PrepareAsync(TestDatabase database, params string[] paths) =>
        database.Importer.PrepareAsync(new ImportRequest(paths.Select(UploadedFile.FromPath).ToList(), ImportedBy: "test"));
}
