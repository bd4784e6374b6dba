using CommunitySafety.Dashboard.Services;
using CommunitySafety.Dashboard.Hosting;
using CommunitySafety.Data.Storage;

namespace CommunitySafety.Dashboard.Cli;

/// <summary>
/// `backup --to FILE [--db PATH]`: one zip with a consistent copy of the database (taken while the dashboard runs,
/// imports included), the kept uploads and the data-protection keys. See CommunitySafety.Data.Storage.Backup.
/// </summary>
internal static class BackupCommand
{
    public static async Task<int> RunAsync(Arguments arguments)
    {
        arguments.AllowOnly("--to", "--db");
        if (arguments.Positional.Count > 0 || arguments.Value("--to") is not { Length: > 0 } file)
            throw new UsageException("Say where the backup goes: backup --to /var/backups/community-safety/2024-07-01.zip");

        var configuration = Settings.CommandLineConfiguration();
        var settings = CommandLine.SettingsOf(arguments);
        if (settings.Provider == DatabaseProvider.PostgreSql)
        {
            Console.Error.WriteLine(PostgreSqlBackupSentence);
            return CommandLine.Refused;
        }
        var folders = new BackupFolders(settings.Files, KeyStorage.KeysFolder(configuration, settings));
        var outcome = await Backup.CreateAsync(settings.ConnectionString, folders, file);
        return Report(outcome);
    }

    internal const string PostgreSqlBackupSentence =
        "On PostgreSQL the database is backed up with pg_dump, and the shared files folder and the keys folder with the " +
        "server's own backups; see \"More than one machine\" in the README.";

    internal static int Report(BackupOutcome outcome)
    {
        if (!outcome.Done)
        {
            Console.Error.WriteLine(outcome.Message);
            return CommandLine.Refused;
        }
        Console.WriteLine(outcome.Message);
        return CommandLine.Done;
    }
}
