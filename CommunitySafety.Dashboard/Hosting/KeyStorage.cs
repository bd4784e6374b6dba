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

    public static IServiceCollection AddPersistedKeys(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        var folder = Directory.CreateDirectory(KeysFolder(configuration, connectionString));
        services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToFileSystem(folder);
        return services;
    }
}
