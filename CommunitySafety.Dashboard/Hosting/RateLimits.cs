using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CommunitySafety.Dashboard.Hosting;

/// <summary>
/// The rate limits, with ASP.NET Core's rate limiter, per client address (the browser's, behind the proxy):
/// <list type="bullet">
/// <item><see cref="SignIn"/>: sign-in attempts (the form's POSTs, not the page itself), RateLimits:SignInPerMinute per
/// address (default 30: a council's staff may share one address); the sign-in page also asks <see cref="SignInAccounts"/>
/// per account, RateLimits:SignInPerAccountPer15Minutes (default 10), beside Identity's lock-out after 5 failures.</item>
/// <item><see cref="Pdf"/>: GET /api/report.pdf, RateLimits:PdfPerMinute per address (default 10).</item>
/// <item><see cref="Write"/>: the write API (POST /api/imports), RateLimits:WritePerMinute per address (default 30).</item>
/// </list>
/// Over a limit the answer is 429 with a sentence and a Retry-After header. Imports, undo and edits made on the pages go
/// through the page's live (Blazor) connection, where imports already run one at a time. The counts are per instance:
/// behind a load balancer of N instances an address may reach N times a limit, which still stops guessing and flooding.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Pdf = "pdf";
    public const string Write = "write";

    public static IServiceCollection AddDashboardRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var signInPerMinute = configuration.GetValue("RateLimits:SignInPerMinute", 30);
        var writePerMinute = configuration.GetValue("RateLimits:WritePerMinute", 30);
        var pdfPerMinute = configuration.GetValue("RateLimits:PdfPerMinute", 10);
        services.AddSingleton(new SignInAccounts(configuration.GetValue("RateLimits:SignInPerAccountPer15Minutes", 10)));
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(SignIn, context => HttpMethods.IsPost(context.Request.Method)
                ? PerAddress(context, signInPerMinute)
                : RateLimitPartition.GetNoLimiter("reading the sign-in page"));
            options.AddPolicy(Write, context => PerAddress(context, writePerMinute));
            options.AddPolicy(Pdf, context => PerAddress(context, pdfPerMinute));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
                response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                response.ContentType = "text/plain; charset=utf-8";
                await response.WriteAsync(TooMany(seconds), cancellationToken);
            };
        });
        return services;
    }

    public static string TooMany(int seconds) =>
        $"Too many requests from your address: please wait {seconds} second{(seconds == 1 ? "" : "s")} and try again.";

    /// <summary>The client's address: after UseForwardedHeaders, the browser's when the request came through a known proxy.</summary>
    public static string ClientAddress(HttpContext context) =>
        (context.Connection.RemoteIpAddress ?? IPAddress.None).ToString();

    private static RateLimitPartition<string> PerAddress(HttpContext context, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(ClientAddress(context), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, perMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}

/// <summary>
/// Sign-in attempts per account, whatever address they come from (the per-address limit is the policy
/// <see cref="RateLimits.SignIn"/>). The sign-in endpoint asks <see cref="TryAttempt"/> with the account it was given
/// before checking the password, and answers 429 with <see cref="RateLimits.TooMany"/> when it is false.
/// </summary>
public sealed class SignInAccounts(int perFifteenMinutes) : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(account =>
        RateLimitPartition.GetFixedWindowLimiter(account, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, perFifteenMinutes),
            Window = Window,
            QueueLimit = 0,
        }));

    /// <summary>True when this account may try once more; the attempt is counted.</summary>
    public bool TryAttempt(string account, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(account.Trim().ToUpperInvariant());
        retryAfter = lease.IsAcquired ? TimeSpan.Zero
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Window;
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
