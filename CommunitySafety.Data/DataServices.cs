using CommunitySafety.Data.Access;
using CommunitySafety.Data.ActionPlan;
using CommunitySafety.Data.Audit;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Import;
using CommunitySafety.Data.Model;
using CommunitySafety.Data.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommunitySafety.Data;

/// <summary>The settings of the data layer; every one has a default that fits Harborough.</summary>
public sealed record DataSettings(
    string ConnectionString, string Area = "Harborough", int LargestIncreaseThreshold = 10, string? FilesFolder = null, ZipLimits? ZipLimits = null,
    IReadOnlyList<string>? AreasInclude = null, DatabaseProvider Provider = DatabaseProvider.Sqlite)
{
    /// <summary>The areas imports keep (Areas:Include; by default only the home area).</summary>
    public AreaChoice Areas => new(Area, AreasInclude);

    /// <summary>
    /// Where imported files and the beat map are kept: the setting, or a folder beside the SQLite database. PostgreSQL
    /// has no file to sit beside: then "communitysafety-files" in the current folder, unless set (several instances
    /// must share one folder).
    /// </summary>
    public string Files => FilesFolder ?? (Provider == DatabaseProvider.PostgreSql
        ? Path.GetFullPath(DefaultPostgreSqlFilesFolder)
        : StoredUploads.FolderBeside(ConnectionString));

    public const string DefaultPostgreSqlFilesFolder = "communitysafety-files";
}

public static class DataServices
{
    public static IServiceCollection AddCommunitySafetyData(this IServiceCollection services, string connectionString) =>
        services.AddCommunitySafetyData(new DataSettings(connectionString));

    /// <summary>Everything the dashboard and the command line need from the data layer.</summary>
    public static IServiceCollection AddCommunitySafetyData(this IServiceCollection services, DataSettings settings)
    {
        services.AddSingleton(settings);
        if (settings.Provider == DatabaseProvider.PostgreSql)
        {
            // Everything takes IDbContextFactory<CommunitySafetyDb>; on PostgreSQL it makes the derived context, whose
            // model and migrations are PostgreSQL's.
            services.AddDbContextFactory<PostgreSqlCommunitySafetyDb>(options => options.UseNpgsql(settings.ConnectionString.Trim()));
            services.AddSingleton<IDbContextFactory<CommunitySafetyDb>>(sp =>
                new BaseContextFactory(sp.GetRequiredService<IDbContextFactory<PostgreSqlCommunitySafetyDb>>()));
            services.AddScoped<CommunitySafetyDb>(sp => sp.GetRequiredService<IDbContextFactory<CommunitySafetyDb>>().CreateDbContext());
            services.AddSingleton<IImportWriter>(sp => new PostgreSqlImportWriter(settings.ConnectionString)
            {
                Waiting = sentence => sp.GetService<ILogger<PostgreSqlImportWriter>>()?.LogInformation("{Sentence}", sentence),
            });
        }
        else
        {
            services.AddDbContextFactory<CommunitySafetyDb>(options =>
                options.UseSqlite(Database.NormalizeConnectionString(settings.ConnectionString)));
            services.AddSingleton<IImportWriter>(_ => new SqliteImportWriter(settings.ConnectionString));
        }
        services.AddSingleton<DataChangeNotifier>();
        services.AddSingleton<DataVersion>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new StoredUploads(settings.Files));
        services.AddSingleton(new BeatMapStore(settings.Files));
        services.AddSingleton(sp => new Importer(
            sp.GetRequiredService<IDbContextFactory<CommunitySafetyDb>>(),
            sp.GetRequiredService<IImportWriter>(),
            sp.GetRequiredService<TimeProvider>(),
            settings.Area,
            uploads: sp.GetRequiredService<StoredUploads>(),
            zipLimits: settings.ZipLimits,
            areas: settings.Areas,
            dataVersion: sp.GetRequiredService<DataVersion>()));
        services.AddSingleton<ImportService>();
        services.AddSingleton<IFiguresService, FiguresService>();
        services.AddSingleton<ComparisonGroupChoice>();
        services.AddSingleton<ActionPlanService>();
        services.AddSingleton<IActionPlanService>(provider => provider.GetRequiredService<ActionPlanService>());
        services.AddSingleton<IPlanFiles>(provider => provider.GetRequiredService<ActionPlanService>());
        services.AddSingleton<AuditLog>();
        services.AddSingleton<Accounts>();
        services.AddCommunitySafetyIdentity();
        return services;
    }

    /// <summary>
    /// Identity's users and roles in this database, with its password rules made stronger (12 characters at least)
    /// and lock-out after 5 failed sign-ins for 15 minutes. The web app adds cookie sign-in on top.
    /// </summary>
    public static IdentityBuilder AddCommunitySafetyIdentity(this IServiceCollection services)
    {
        services.AddLogging();
        return services.AddIdentityCore<DashboardUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CommunitySafetyDb>();
    }
}

/// <summary>The PostgreSQL context's factory seen as the factory of its base type, which is what everything takes.</summary>
internal sealed class BaseContextFactory(IDbContextFactory<PostgreSqlCommunitySafetyDb> inner) : IDbContextFactory<CommunitySafetyDb>
{
    public CommunitySafetyDb CreateDbContext() => inner.CreateDbContext();

    public async Task<CommunitySafetyDb> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
