using CommunitySafety.Data.Import;
using CommunitySafety.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Tests.Data.Import;

/// <summary>
/// An import's change is logged with the time it is written, the last thing before the commit: the fan-out to open pages
/// is counted from there, not from the start of a write that takes long on a large database.
/// </summary>
public class ChangeTimeTests
{
    /// <summary>A clock that moves on a minute each time it is read.</summary>
    private sealed class SteppingClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now = _now.AddMinutes(1);
    }

    [Fact]
    public async Task The_change_is_stamped_as_it_is_written_after_the_import_itself()
    {
        await using var database = await TestDatabase.CreateAsync();
        var importer = new Importer(database.DbFactory, new SqliteImportWriter(database.ConnectionString), new SteppingClock());
        var path = database.WriteFile("q1.csv", "Month,Beat,Category,Type,LocationType,Domestic,Count\n2023-04,Harborough North,ASB,Nuisance,Street,N,5\n");

        var report = await importer.ImportAsync(new ImportRequest([UploadedFile.FromPath(path)]));

        Assert.Equal(ImportOutcome.Imported, report.Outcome);
        await using var db = await database.DbFactory.CreateDbContextAsync();
        var imported = await db.Imports.SingleAsync();
        var change = await db.Changes.OrderBy(c => c.Id).LastAsync();
        Assert.True(change.At > imported.ImportedAt, $"The change was logged at {change.At:O}, the import began at {imported.ImportedAt:O}.");
    }
}
