using CommunitySafety.Data.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CommunitySafety.Dashboard.Hosting;

/// <summary>
/// GET /health for the proxy and monitoring, with no sign-in: 200 "Healthy" when the database answers and its schema
/// has no migration waiting, otherwise 503 "Unhealthy". The body is that one word; why is logged, never shown.
/// </summary>
public static class Health
{
    public const string Path = "/health";

    public static IServiceCollection AddDashboardHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    public static IEndpointRouteBuilder MapDashboardHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(Path, new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous().DisableRateLimiting();
        return endpoints;
    }
}

/// <summary>The database opens, answers a query, and every migration of this build has been applied to it.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<CommunitySafetyDb> dbFactory, ILogger<DatabaseHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await db.Database.CanConnectAsync(cancellationToken))
                return Unhealthy("The database cannot be opened.");
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
                return Unhealthy($"The database's schema is behind this build: {pending.Count} migration(s) not applied ({string.Join(", ", pending)}).");
            await db.Changes.AsNoTracking().AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Unhealthy($"The database did not answer: {e.Message}");
        }
    }

    private HealthCheckResult Unhealthy(string why)
    {
        logger.LogWarning("Health check failed: {Why}", why);
        return HealthCheckResult.Unhealthy(why);
    }
}
