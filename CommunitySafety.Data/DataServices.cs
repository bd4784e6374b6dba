using CommunitySafety.Data.ActionPlan;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Import;
using CommunitySafety.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Data;

/// <summary>The settings of the data layer; every one has a default that fits Harborough.</summary>
public sealed record DataSettings(
    string ConnectionString, string Area = "Harborough", int LargestIncreaseThreshold = 10, string? FilesFolder = null, ZipLimits? ZipLimits = null,
    IReadOnlyList<string>? AreasInclude = null)
{
    /// <summary>The areas imports keep (Areas:Include; by default only the home area).</summary>
    public AreaChoice Areas => new(Area, AreasInclude);

    /// <summary>Where imported files and the beat map are kept: the setting, or a folder beside the database.</summary>
    public string Files => FilesFolder ?? StoredUploads.FolderBeside(ConnectionString);
}

public static class DataServices
{
    public static IServiceCollection AddCommunitySafetyData(this IServiceCollection services, string connectionString) =>
        services.AddCommunitySafetyData(new DataSettings(connectionString));

    /// <summary>Everything the dashboard and the command line need from the data layer.</summary>
    public static IServiceCollection AddCommunitySafetyData(this IServiceCollection services, DataSettings settings)
    {
        services.AddSingleton(settings);
        services.AddDbContextFactory<CommunitySafetyDb>(options =>
            options.UseSqlite(Database.NormalizeConnectionString(settings.ConnectionString)));
        services.AddSingleton<DataChangeNotifier>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IImportWriter>(_ => new SqliteImportWriter(settings.ConnectionString));
        services.AddSingleton(new StoredUploads(settings.Files));
        services.AddSingleton(new BeatMapStore(settings.Files));
        services.AddSingleton(sp => new Importer(
            sp.GetRequiredService<IDbContextFactory<CommunitySafetyDb>>(),
            sp.GetRequiredService<IImportWriter>(),
            sp.GetRequiredService<TimeProvider>(),
            settings.Area,
            uploads: sp.GetRequiredService<StoredUploads>(),
            zipLimits: settings.ZipLimits,
            areas: settings.Areas));
        services.AddSingleton<IFiguresService, FiguresService>();
        services.AddSingleton<IActionPlanService, ActionPlanService>();
        return services;
    }
}
