using CommunitySafety.Data.Import;
using CommunitySafety.Data.Storage;
using CommunitySafety.Data;

namespace CommunitySafety.Dashboard.Services;

/// <summary>
/// Reads the data settings the web app and the command line share: Database:Provider (Sqlite or PostgreSQL),
/// ConnectionStrings:CommunitySafety, Files:Folder (kept uploads; PostgreSQL's instances share one), Area:Name,
/// Areas:Include, Figures:LargestIncreaseThreshold, Imports:MaxUnzippedFileMb, Imports:MaxUnzippedMb, Imports:MaxZipFiles, from appsettings.json and environment variables (ConnectionStrings__CommunitySafety).
/// </summary>
public static class Settings
{
    public const string DefaultConnectionString = "Data Source=communitysafety.db";

    public const string ProviderSetting = "Database:Provider";
    public const string FilesFolderSetting = "Files:Folder";

    /// <param name="databasePath">--db: a SQLite file.</param>
    /// <param name="provider">--provider: Sqlite or PostgreSQL, over the setting Database:Provider.</param>
    /// <param name="connection">--connection: the connection string, over the setting.</param>
    public static DataSettings From(IConfiguration configuration, string? databasePath = null, string? provider = null, string? connection = null)
    {
        var chosen = DatabaseProviders.Parse(provider ?? configuration[ProviderSetting]);
        if (databasePath is not null && chosen != DatabaseProvider.Sqlite)
            throw new ArgumentException("--db is the path of a SQLite file; for PostgreSQL give --connection \"Host=...;Database=...;Username=...\".");
        var connectionString = connection
            ?? (databasePath is not null ? $"Data Source={databasePath}" : null)
            ?? configuration.GetConnectionString("CommunitySafety")
            ?? (chosen == DatabaseProvider.Sqlite
                ? DefaultConnectionString
                : throw new ArgumentException("PostgreSQL needs a connection string: set ConnectionStrings:CommunitySafety, for example \"Host=db;Database=communitysafety;Username=dashboard\"."));
        return new DataSettings(
            connectionString,
            configuration["Area:Name"] ?? "Harborough",
            configuration.GetValue("Figures:LargestIncreaseThreshold", 10),
            ZipLimits: ZipLimits.FromMegabytes(
                configuration.GetValue<long?>("Imports:MaxUnzippedFileMb"),
                configuration.GetValue<long?>("Imports:MaxUnzippedMb"),
                configuration.GetValue<int?>("Imports:MaxZipFiles")),
            AreasInclude: AreasInclude(configuration),
            Provider: chosen,
            FilesFolder: configuration[FilesFolderSetting] is { Length: > 0 } files ? Path.GetFullPath(files) : null);
    }

    /// <summary>Areas:Include as a list (Areas__Include__0=Blaby) or as one text ("Blaby, Melton" or "*"); null when not set.</summary>
    private static IReadOnlyList<string>? AreasInclude(IConfiguration configuration)
    {
        var section = configuration.GetSection("Areas:Include");
        if (section.Value is { } text) return AreaChoice.Parse("", text).Include;
        var list = section.GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Trim().Length > 0).Select(v => v.Trim()).ToList();
        return list.Count == 0 ? null : list;
    }

    public static DataSettings ForCommandLine(string? databasePath, string? provider = null, string? connection = null) =>
        From(CommandLineConfiguration(), databasePath, provider, connection);

    /// <summary>The settings the command line reads: the app's appsettings.json, then environment variables.</summary>
    public static IConfiguration CommandLineConfiguration() =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
}
