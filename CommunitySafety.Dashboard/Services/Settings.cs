using CommunitySafety.Data.Import;
using CommunitySafety.Data.Storage;
using CommunitySafety.Data;

namespace CommunitySafety.Dashboard.Services;

/// <summary>
/// Reads the data settings the web app and the command line share: ConnectionStrings:CommunitySafety, Area:Name,
/// Areas:Include, Figures:LargestIncreaseThreshold, Imports:MaxUnzippedFileMb, Imports:MaxUnzippedMb, Imports:MaxZipFiles, from appsettings.json and environment variables (ConnectionStrings__CommunitySafety).
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
                configuration.GetValue<int?>("Imports:MaxZipFiles")),
            AreasInclude: AreasInclude(configuration));
    }

    /// <summary>Areas:Include as a list (Areas__Include__0=Blaby) or as one text ("Blaby, Melton" or "*"); null when not set.</summary>
    private static IReadOnlyList<string>? AreasInclude(IConfiguration configuration)
    {
        var section = configuration.GetSection("Areas:Include");
        if (section.Value is { } text) return AreaChoice.Parse("", text).Include;
        var list = section.GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Trim().Length > 0).Select(v => v.Trim()).ToList();
        return list.Count == 0 ? null : list;
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
