using CommunitySafety.Data.Import;
using CommunitySafety.Data.Storage;
using CommunitySafety.Data;

namespace CommunitySafety.Dashboard.Services;

/// <summary>
/// Reads the data settings the web app and the command line share: ConnectionStrings:CommunitySafety, Area:Name,
/// Figures:LargestIncreaseThreshold, Imports:MaxUnzippedFileMb, Imports:MaxUnzippedMb, Imports:MaxZipFiles, from appsettings.json and environment variables (ConnectionStrings__CommunitySafety).
/// </summary>
public static class Settings
{
    public const string DefaultConnectionString = "Data Source=communitysafety.db";

    public static DataSettings From(IConfiguration configuration, string? databasePath = null)
    {
        var connectionString = databasePath is not null
            ? $"Data Source={databasePath}"
            : configuration.GetConnectionString("CommunitySafety") ?? DefaultConnectionString;
        return new DataSettings(
            connectionString,
            configuration["Area:Name"] ?? "Harborough",
            configuration.GetValue("Figures:LargestIncreaseThreshold", 10),
            ZipLimits: ZipLimits.FromMegabytes(
                configuration.GetValue<long?>("Imports:MaxUnzippedFileMb"),
                configuration.GetValue<long?>("Imports:MaxUnzippedMb"),
                configuration.GetValue<int?>("Imports:MaxZipFiles")));
    }

    public static DataSettings ForCommandLine(string? databasePath) => From(CommandLineConfiguration(), databasePath);

    /// <summary>The settings the command line reads: the app's appsettings.json, then environment variables.</summary>
    public static IConfiguration CommandLineConfiguration() =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
}
