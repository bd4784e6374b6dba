namespace CommunitySafety.Dashboard.Hosting;

/// <summary>
/// The headers every response carries. Scripts come only from the app itself, with no eval; the one inline script,
/// the import map App.razor writes, carries this response's nonce (<see cref="NonceOf"/>). Styles may be inline because MudBlazor and ApexCharts set style
/// attributes. The page may not be framed, content types are not sniffed, the referrer leaves only for this site, and
/// outside Development a browser that reached the app over HTTPS is told to keep to HTTPS for a year.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "csp-nonce";

    /// <summary>The policy, with the response's nonce for its inline scripts.</summary>
    public static string ContentSecurityPolicy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    public const string StrictTransportSecurity = "max-age=31536000";

    /// <summary>This response's nonce, for an inline script the page must have (nonce="@..."); a new one per request.</summary>
    public static string NonceOf(HttpContext? context)
    {
        if (context is null) return "";
        if (context.Items[NonceKey] is string nonce) return nonce;
        nonce = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        return nonce;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, IWebHostEnvironment environment)
    {
        var hsts = !environment.IsDevelopment();
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy(NonceOf(context));
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                headers.XFrameOptions = "DENY";
                if (hsts && context.Request.IsHttps) headers.StrictTransportSecurity = StrictTransportSecurity;
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
