using CommunitySafety.Dashboard.Cli;
using CommunitySafety.Tests.Data;
using CommunitySafety.Tests.Data.Import;

namespace CommunitySafety.Tests.Cli;

/// <summary>`backup --to FILE` and `restore --from FILE`, run in-process through CommandLine.RunAsync.</summary>
[Collection(nameof(ConsoleCollection))]
public class BackupCommandTests
{
    private static Task<CommandLineRun> RunAsync(params string[] args) => InProcessCommandLine.RunAsync(args);

    [Fact]
    public async Task Backup_then_restore_into_a_new_folder_gives_the_same_history_and_figures()
    {
        await using var db = await TestDatabase.CreateAsync();
        var imported = await RunAsync("import", SampleDataImport.Quarter("2023-24", 1), "--db", db.DatabasePath);
        Assert.Equal(0, imported.ExitCode);
        var backup = Path.Combine(db.Folder, "nightly.zip");

        var backedUp = await RunAsync("backup", "--to", backup, "--db", db.DatabasePath);
        Assert.True(backedUp.ExitCode == 0, backedUp.Error);
        Assert.StartsWith($"Backed up {db.DatabasePath} and ", backedUp.Out);

        var restoredDatabase = Path.Combine(db.Folder, "elsewhere", "restored.db");
        var restored = await RunAsync("restore", "--from", backup, "--db", restoredDatabase);
        Assert.True(restored.ExitCode == 0, restored.Error);
        Assert.StartsWith("Restored the database of ", restored.Out);

        var summaryBefore = await RunAsync("summary", "--year", "2023-24", "--quarter", "1", "--json", "--db", db.DatabasePath);
        var summaryAfter = await RunAsync("summary", "--year", "2023-24", "--quarter", "1", "--json", "--db", restoredDatabase);
        Assert.Equal(summaryBefore.Out, summaryAfter.Out);
        Assert.Equal((await RunAsync("imports", "--json", "--db", db.DatabasePath)).Out, (await RunAsync("imports", "--json", "--db", restoredDatabase)).Out);

        var again = await RunAsync("restore", "--from", backup, "--db", restoredDatabase);
        Assert.Equal(CommandLine.Refused, again.ExitCode);
        Assert.Contains("restore with --replace to overwrite it", again.Error);
    }

    [Fact]
    public async Task Restore_refuses_a_file_that_is_not_our_backup_and_backup_needs_a_destination()
    {
        await using var db = await TestDatabase.CreateAsync();
        var csv = db.WriteFile("export.zip", "Month,Beat\n");
        var target = Path.Combine(db.Folder, "new", "x.db");

        var refused = await RunAsync("restore", "--from", csv, "--db", target);
        Assert.Equal(CommandLine.Refused, refused.ExitCode);
        Assert.Equal($"{csv} is not a backup made by the Community Safety Dashboard's backup command, so nothing was restored.", refused.Error.Trim());
        Assert.False(File.Exists(target));

        var usage = await RunAsync("backup", "--db", db.DatabasePath);
        Assert.Equal(CommandLine.BadUsage, usage.ExitCode);
        Assert.StartsWith("Say where the backup goes: backup --to ", usage.Error);
    }
}
