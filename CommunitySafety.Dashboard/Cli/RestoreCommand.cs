using CommunitySafety.Dashboard.Services;
using CommunitySafety.Dashboard.Hosting;
using CommunitySafety.Data.Storage;

namespace CommunitySafety.Dashboard.Cli;

/// <summary>
/// `restore --from FILE [--db PATH] [--replace]`: puts a backup made by `backup` back, with the dashboard stopped.
/// An existing database is overwritten only with --replace; a file that is not one of our backups is refused.
/// </summary>
internal static class RestoreCommand
{
    public static async Task<int> RunAsync(Arguments arguments)
    {
        arguments.AllowOnly("--from", "--db", "--replace");
        if (arguments.Positional.Count > 0 || arguments.Value("--from") is not { Length: > 0 } file)
            throw new UsageException("Name the backup to restore: restore --from /var/backups/community-safety/2024-07-01.zip");

        var configuration = Settings.CommandLineConfiguration();
        var settings = CommandLine.SettingsOf(arguments);
        if (settings.Provider == DatabaseProvider.PostgreSql)
        {
            Console.Error.WriteLine(BackupCommand.PostgreSqlBackupSentence);
            return CommandLine.Refused;
        }
        var folders = new BackupFolders(settings.Files, KeyStorage.KeysFolder(configuration, settings));
        var outcome = await Backup.RestoreAsync(file, settings.ConnectionString, folders, arguments.Has("--replace"), Backup.KnownMigrations());
        return BackupCommand.Report(outcome);
    }
}
