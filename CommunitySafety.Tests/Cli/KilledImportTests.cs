using System.Text;
using CommunitySafety.Dashboard.Cli;
using CommunitySafety.Data.Import;
using static CommunitySafety.Tests.Data.TestDatabase;

namespace CommunitySafety.Tests.Cli;

/// <summary>
/// What a killed import leaves behind is swept by the next start of the command line (issue 16), and a hostile file
/// given to `import` is refused with exit 1 and a few short lines, however large the file.
/// </summary>
[Collection(nameof(ConsoleCollection))]
public class KilledImportTests
{
    private const string Header = "Month,Beat,Category,Type,LocationType,Domestic,Count";

    private static Task<CommandLineRun> RunAsync(params string[] args) => InProcessCommandLine.RunAsync(args);

    [Fact]
    public async Task Half_copied_uploads_left_by_a_killed_import_are_swept_when_the_command_line_starts()
    {
        await using var db = await CreateAsync();
        var uploads = Path.Combine(StoredUploads.FolderBeside(db.ConnectionString), "uploads");
        Directory.CreateDirectory(uploads);
        var leftOver = Path.Combine(uploads, "ab12.csv.0123456789abcdef.partial");
        await File.WriteAllTextAsync(leftOver, "Crime ID,Month,half a fi");
        var kept = Path.Combine(uploads, "ab12.csv");
        await File.WriteAllTextAsync(kept, "Crime ID,Month\n");

        var run = await RunAsync("imports", "--db", db.DatabasePath);

        Assert.Equal(0, run.ExitCode);
        Assert.False(File.Exists(leftOver));
        Assert.True(File.Exists(kept));
        Assert.Contains("Removed 1 half-copied file", run.Error);
    }

    [Fact]
    public async Task A_command_after_a_start_killed_while_holding_the_migration_lock_does_not_wait_for_it()
    {
        await using var db = await CreateAsync();
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '2026-12-01 09:00:00+00:00');
                """;
            command.ExecuteNonQuery();
        }

        var run = await RunAsync("imports", "--db", db.DatabasePath).WaitAsync(TimeSpan.FromSeconds(90)); // it waited for ever before

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("the lock was removed", run.Error);
    }

    [Fact]
    public void A_partial_file_still_being_written_by_a_live_process_is_left_alone()
    {
        var folder = Directory.CreateTempSubdirectory("community-safety-sweep-").FullName;
        try
        {
            var store = new StoredUploads(folder);
            var path = Path.Combine(folder, "uploads", "cd34.csv.feed.partial");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // Held as StoredUploads.Keep holds the file it copies into: open, without sharing.
            using (var writing = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                writing.Write("Crime ID"u8);
                Assert.Equal(0, store.SweepPartial());
                Assert.True(File.Exists(path));
            }
            Assert.Equal(1, store.SweepPartial());
            Assert.False(File.Exists(path));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Import_of_a_50_MB_line_exits_1_with_a_few_short_lines()
    {
        await using var db = await CreateAsync();
        var path = Path.Combine(db.Folder, "one-line.csv");
        await using (var file = File.Create(path))
        {
            var chunk = Encoding.ASCII.GetBytes(new string('x', 1 << 20));
            for (var i = 0; i < 50; i++) await file.WriteAsync(chunk);
        }

        var run = await RunAsync("import", path, "--db", db.DatabasePath);

        Assert.Equal(CommandLine.Refused, run.ExitCode);
        Assert.Contains("longer than 1 MB", run.Error);
        Assert.InRange(run.Error.Length + run.Out.Length, 1, 2_000);
    }

    [Fact]
    public async Task Import_of_a_file_with_thousands_of_bad_rows_prints_the_first_200_and_a_count()
    {
        await using var db = await CreateAsync();
        var rows = Enumerable.Range(0, 5_000).Select(i => $"2023-07,Harborough North,Riot,,,,{i}");
        var file = db.WriteFile("riots.csv", Lines([Header, .. rows]));

        var run = await RunAsync("import", file, "--db", db.DatabasePath);

        Assert.Equal(CommandLine.Refused, run.ExitCode);
        Assert.Equal(ImportLimits.ErrorsListed, run.Error.Split('\n').Count(l => l.Contains("riots.csv, line")));
        Assert.Contains("... and 4,800 more.", run.Error);
    }

    [Fact]
    public async Task Import_of_a_date_that_does_not_exist_exits_1_naming_line_and_column()
    {
        await using var db = await CreateAsync();
        var run = await RunAsync("import", db.WriteFile("feb.csv", Lines(Header, "31/02/2023,Harborough North,ASB,,,,1")), "--db", db.DatabasePath);

        Assert.Equal(CommandLine.Refused, run.ExitCode);
        Assert.Contains("feb.csv, line 2, column Month: found \"31/02/2023\"; expected a date that exists (Feb 2023 has 28 days)", run.Error);
    }
}
