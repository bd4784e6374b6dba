using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;

namespace CommunitySafety.Dashboard.Hosting;

/// <summary>
/// The data-protection keys (what sign-in cookies and antiforgery tokens are sealed with) kept in a folder, so they
/// survive a restart and several instances can share them: the setting DataProtection:KeysFolder, or a folder beside
/// the database ("communitysafety.db" keeps them in "communitysafety-keys"). The folder is created when missing; give
/// only the app's own user access to it.
/// </summary>
public static class KeyStorage
{
    public const string KeysFolderSetting = "DataProtection:KeysFolder";
    public const string ApplicationName = "CommunitySafety.Dashboard";

    public static string KeysFolder(IConfiguration configuration, string connectionString)
    {
        if (configuration[KeysFolderSetting] is { Length: > 0 } folder) return Path.GetFullPath(folder);
        var dataSource = new SqliteConnectionStringBuilder(Data.Storage.Database.NormalizeConnectionString(connectionString)).DataSource;
        var database = Path.GetFullPath(dataSource);
        return Path.Combine(Path.GetDirectoryName(database)!, Path.GetFileNameWithoutExtension(database) + "-keys");
    }

    /// <summary>
    /// The keys folder for these data settings: on PostgreSQL, with no database file to sit beside, "keys" in the
    /// files folder, which several instances share (unless DataProtection:KeysFolder says otherwise).
    /// </summary>
    public static string KeysFolder(IConfiguration configuration, Data.DataSettings settings) =>
        settings.Provider == Data.Storage.DatabaseProvider.PostgreSql && configuration[KeysFolderSetting] is not { Length: > 0 }
            ? Path.Combine(settings.Files, "keys")
            : KeysFolder(configuration, settings.ConnectionString);

    public static IServiceCollection AddPersistedKeys(this IServiceCollection services, IConfiguration configuration, Data.DataSettings settings)
    {
        var folder = Directory.CreateDirectory(KeysFolder(configuration, settings));
        services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToFileSystem(folder);
        return services;
    }
}
