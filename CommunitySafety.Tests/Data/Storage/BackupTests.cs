using System.IO.Compression;
using CommunitySafety.Data;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Import;
using CommunitySafety.Data.Storage;
using CommunitySafety.Tests.Data.Import;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Tests.Data.Storage;

public class BackupTests
{
    private static readonly FinancialQuarter Q1 = new(2023, 1);

    /// <summary>The figures of Q1 2023-24 and every row of every table (the import history included).</summary>
    private sealed record State(string Figures, string Dump);

    private static async Task<State> StateOfAsync(string connectionString)
    {
        await using var services = new ServiceCollection().AddCommunitySafetyData(new DataSettings(connectionString)).BuildServiceProvider();
        var figures = SummaryJson.Serialize(await services.GetRequiredService<IFiguresService>().GetSummaryAsync(Q1));
        var state = new State(figures, await TestDatabase.DumpAsync(connectionString));
        using (var connection = new SqliteConnection(Database.NormalizeConnectionString(connectionString))) SqliteConnection.ClearPool(connection);
        return state;
    }

    private static async Task<(string ConnectionString, BackupOutcome Outcome)> RestoreIntoNewFolderAsync(TestDatabase db, string backup)
    {
        var folder = Path.Combine(db.Folder, "restored-" + Guid.NewGuid().ToString("N"));
        var connectionString = $"Data Source={Path.Combine(folder, "dashboard.db")}";
        var outcome = await Backup.RestoreAsync(backup, connectionString, new BackupFolders(Path.Combine(folder, "dashboard-files"), null),
            replace: false, Backup.KnownMigrations());
        return (connectionString, outcome);
    }

    [Fact]
    public async Task A_backup_taken_while_an_import_is_writing_restores_to_the_state_before_it_and_one_taken_after_to_the_state_after()
    {
        await using var db = await SampleDataImport.CreateAsync();
        var before = await StateOfAsync(db.ConnectionString);
        var changed = SampleDataImport.Changed(db, "2023-24", 1, lines => lines.Take(1).Concat(lines.Skip(1).Take(lines.Count / 2)));

        // The import stops inside its transaction, facts part-written, until the backup has been taken.
        var writing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var backupTaken = new ManualResetEventSlim();
        var writer = new SqliteImportWriter(db.ConnectionString)
        {
            AfterFactWritten = n =>
            {
                if (n != 10) return;
                writing.TrySetResult();
                backupTaken.Wait(TimeSpan.FromMinutes(1));
            },
        };
        var import = Task.Run(() => db.ImporterWith(writer).ImportAsync(new ImportRequest([UploadedFile.FromPath(changed)])));
        await Task.WhenAny(writing.Task, import);
        Assert.True(writing.Task.IsCompleted, "The import never reached its tenth fact, so the backup would not have been taken during it.");

        var during = Path.Combine(db.Folder, "during.zip");
        BackupOutcome backedUp;
        try
        {
            backedUp = await Backup.CreateAsync(db.ConnectionString, new BackupFolders(Path.Combine(db.Folder, "test-files"), null), during);
        }
        finally
        {
            backupTaken.Set();
        }
        Assert.True(backedUp.Done, backedUp.Message);
        var report = await import;
        Assert.Equal(ImportOutcome.Imported, report.Outcome);
        var after = await StateOfAsync(db.ConnectionString);
        Assert.NotEqual(before.Figures, after.Figures); // the import changed the figures, so the two states can be told apart

        var afterBackup = Path.Combine(db.Folder, "after.zip");
        Assert.True((await Backup.CreateAsync(db.ConnectionString, new BackupFolders(Path.Combine(db.Folder, "test-files"), null), afterBackup)).Done);

        var (restoredDuring, outcome) = await RestoreIntoNewFolderAsync(db, during);
        Assert.True(outcome.Done, outcome.Message);
        Assert.Equal(before, await StateOfAsync(restoredDuring));

        var (restoredAfter, outcomeAfter) = await RestoreIntoNewFolderAsync(db, afterBackup);
        Assert.True(outcomeAfter.Done, outcomeAfter.Message);
        Assert.Equal(after, await StateOfAsync(restoredAfter));
    }

    [Fact]
    public async Task The_kept_uploads_and_keys_travel_with_the_backup()
    {
        await using var db = await TestDatabase.CreateAsync();
        var files = Path.Combine(db.Folder, "test-files");
        var keys = Path.Combine(db.Folder, "test-keys");
        Directory.CreateDirectory(Path.Combine(files, "uploads"));
        await File.WriteAllTextAsync(Path.Combine(files, "uploads", "abc.csv"), "kept upload");
        await File.WriteAllTextAsync(Path.Combine(files, "beat-map.csv"), "LSOA code,Beat");
        Directory.CreateDirectory(keys);
        await File.WriteAllTextAsync(Path.Combine(keys, "key-1.xml"), "<key/>");
        var backup = Path.Combine(db.Folder, "backup.zip");
        Assert.True((await Backup.CreateAsync(db.ConnectionString, new BackupFolders(files, keys), backup)).Done);

        var target = Path.Combine(db.Folder, "restored");
        var outcome = await Backup.RestoreAsync(backup, $"Data Source={Path.Combine(target, "x.db")}",
            new BackupFolders(Path.Combine(target, "x-files"), Path.Combine(target, "x-keys")), replace: false, Backup.KnownMigrations());

        Assert.True(outcome.Done, outcome.Message);
        Assert.Equal("kept upload", await File.ReadAllTextAsync(Path.Combine(target, "x-files", "uploads", "abc.csv")));
        Assert.Equal("LSOA code,Beat", await File.ReadAllTextAsync(Path.Combine(target, "x-files", "beat-map.csv")));
        Assert.Equal("<key/>", await File.ReadAllTextAsync(Path.Combine(target, "x-keys", "key-1.xml")));
    }

    [Fact]
    public async Task A_file_that_is_not_our_backup_is_refused_in_a_sentence_and_nothing_is_written()
    {
        await using var db = await TestDatabase.CreateAsync();
        var csv = db.WriteFile("not-a-backup.zip", "Month,Beat\n");
        var otherZip = Path.Combine(db.Folder, "other.zip");
        using (var zip = ZipFile.Open(otherZip, ZipArchiveMode.Create))
        {
            await using var entry = zip.CreateEntry("database.sqlite").Open();
            await entry.WriteAsync("not sqlite"u8.ToArray());
        }
        var escaping = Path.Combine(db.Folder, "escaping.zip");
        var good = Path.Combine(db.Folder, "good.zip");
        Assert.True((await Backup.CreateAsync(db.ConnectionString, new BackupFolders(Path.Combine(db.Folder, "none"), null), good)).Done);
        File.Copy(good, escaping);
        using (var zip = ZipFile.Open(escaping, ZipArchiveMode.Update)) zip.CreateEntry("files/../../outside.txt");

        foreach (var file in new[] { csv, otherZip })
        {
            var (restored, outcome) = await RestoreIntoNewFolderAsync(db, file);
            Assert.False(outcome.Done);
            Assert.Equal($"{file} is not a backup made by the Community Safety Dashboard's backup command, so nothing was restored.", outcome.Message);
            Assert.False(File.Exists(new SqliteConnectionStringBuilder(restored).DataSource));
        }
        var (escaped, escapeOutcome) = await RestoreIntoNewFolderAsync(db, escaping);
        Assert.False(escapeOutcome.Done);
        Assert.Contains("holds an entry 'files/../../outside.txt' that a backup of ours never has", escapeOutcome.Message);
        Assert.False(File.Exists(new SqliteConnectionStringBuilder(escaped).DataSource));
        Assert.False(File.Exists(Path.Combine(db.Folder, "outside.txt")));
    }

    [Fact]
    public async Task An_existing_database_is_replaced_only_when_asked()
    {
        await using var db = await SampleDataImport.CreateAsync();
        var backup = Path.Combine(db.Folder, "backup.zip");
        Assert.True((await Backup.CreateAsync(db.ConnectionString, new BackupFolders(Path.Combine(db.Folder, "test-files"), null), backup)).Done);
        await using var other = await TestDatabase.CreateAsync();
        var folders = new BackupFolders(Path.Combine(other.Folder, "test-files"), null);

        var refused = await Backup.RestoreAsync(backup, other.ConnectionString, folders, replace: false, Backup.KnownMigrations());
        Assert.False(refused.Done);
        Assert.StartsWith($"There is already a database at {other.DatabasePath}.", refused.Message);
        Assert.Equal((0, 0, 0), await other.CountRowsAsync());

        await other.Services.DisposeAsync();
        using (var connection = new SqliteConnection(Database.NormalizeConnectionString(other.ConnectionString))) SqliteConnection.ClearPool(connection);
        var replaced = await Backup.RestoreAsync(backup, other.ConnectionString, folders, replace: true, Backup.KnownMigrations());
        Assert.True(replaced.Done, replaced.Message);
        Assert.Equal(await db.DumpAsync(), await TestDatabase.DumpAsync(other.ConnectionString));
    }
}
