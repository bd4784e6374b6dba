using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Data.Storage;

public static class DataServices
{
    /// <summary>Everything the dashboard and the command line need from the data layer.</summary>
    public static IServiceCollection AddCommunitySafetyData(this IServiceCollection services, string connectionString)
    {
        services.AddDbContextFactory<CommunitySafetyDb>(options =>
            options.UseSqlite(Database.NormalizeConnectionString(connectionString)));
        services.AddSingleton<DataChangeNotifier>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
