using System.Diagnostics;

namespace CommunitySafety.Dashboard.Hosting;

/// <summary>
/// One log line per request when it is answered: method, path (never the query string), status and milliseconds,
/// under the category CommunitySafety.Requests. /health, which a proxy or monitor asks every few seconds, is logged
/// at Debug so it does not fill the journal.
/// </summary>
public static class RequestLog
{
    public const string Category = "CommunitySafety.Requests";

    public static IApplicationBuilder UseRequestLog(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        return app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            catch (Exception) when (Log(logger, context, started, StatusCodes.Status500InternalServerError))
            {
                // Log returns false: the exception goes on to the host, logged once here with its status.
                throw;
            }
            Log(logger, context, started, context.Response.StatusCode);
        });
    }

    private static bool Log(ILogger logger, HttpContext context, long started, int status)
    {
        var level = context.Request.Path.StartsWithSegments(Health.Path) && status == StatusCodes.Status200OK ? LogLevel.Debug : LogLevel.Information;
        logger.Log(level, "{Method} {Path} {Status} {Milliseconds} ms",
            context.Request.Method, context.Request.PathBase + context.Request.Path, status,
            (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return false;
    }
}
