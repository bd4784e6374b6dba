using System.Text.Json;

namespace CommunitySafety.Dashboard.Hosting;

/// <summary>
/// MapStaticAssets serves a package's files (MudBlazor's CSS and JS) at the fingerprinted addresses the pages use
/// (<c>@Assets[...]</c>, e.g. <c>_content/MudBlazor/MudBlazor.min.k4r0it8844.css</c>) without their compressed
/// copies: only the plain address (<c>_content/MudBlazor/MudBlazor.min.css</c>) offers the build's brotli and gzip
/// files. That was 627 KB of CSS on a first visit instead of 43 KB. A request for such a fingerprinted address is
/// served from the plain one, same file, so it is compressed when the browser accepts it, and keeps the fingerprinted
/// address's long caching. The pairs come from the build's own endpoint manifest.
/// </summary>
public static class CompressedAssets
{
    /// <summary>Before routing, so the plain address's endpoint (with its compressed variants) is the one chosen.</summary>
    public static IApplicationBuilder UseCompressedPackageAssets(this WebApplication app)
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, $"{app.Environment.ApplicationName}.staticwebassets.endpoints.json");
        var plainAddresses = File.Exists(manifest) ? PlainAddresses(File.ReadAllText(manifest)) : [];
        if (plainAddresses.Count == 0) return app;
        return app.Use(async (context, next) =>
        {
            if (context.Request.Path.Value is { } path && plainAddresses.TryGetValue(path.TrimStart('/'), out var plain))
            {
                context.Request.Path = "/" + plain.Route;
                context.Response.OnStarting(() =>
                {
                    if (context.Response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status304NotModified)
                        context.Response.Headers.CacheControl = plain.CacheControl;
                    return Task.CompletedTask;
                });
            }
            await next();
        });
    }

    /// <summary>
    /// Each fingerprinted address offered only uncompressed, with the plain address that serves the same file and has
    /// compressed variants, and the fingerprinted address's Cache-Control.
    /// </summary>
    internal static Dictionary<string, (string Route, string CacheControl)> PlainAddresses(string manifestJson)
    {
        using var document = JsonDocument.Parse(manifestJson);
        var endpoints = document.RootElement.GetProperty("Endpoints").EnumerateArray().Select(e => new
        {
            Route = e.GetProperty("Route").GetString()!,
            AssetFile = e.GetProperty("AssetFile").GetString()!,
            Compressed = e.TryGetProperty("Selectors", out var selectors) && selectors.EnumerateArray().Any(s => s.GetProperty("Name").GetString() == "Content-Encoding"),
            Label = Property(e, "label"),
            CacheControl = e.TryGetProperty("ResponseHeaders", out var headers)
                ? headers.EnumerateArray().Where(h => h.GetProperty("Name").GetString() == "Cache-Control").Select(h => h.GetProperty("Value").GetString()).FirstOrDefault()
                : null,
        }).ToList();
        var compressedRoutes = endpoints.Where(e => e.Compressed).Select(e => e.Route).ToHashSet();
        var plainFiles = endpoints.Where(e => !e.Compressed && compressedRoutes.Contains(e.Route)).ToLookup(e => e.Route, e => e.AssetFile);

        var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints.Where(e => e.Label is not null && e.Label != e.Route && !compressedRoutes.Contains(e.Route) && e.CacheControl is not null))
            if (plainFiles[endpoint.Label!].Contains(endpoint.AssetFile))
                result[endpoint.Route] = (endpoint.Label!, endpoint.CacheControl!);
        return result;
    }

    private static string? Property(JsonElement endpoint, string name) =>
        endpoint.TryGetProperty("EndpointProperties", out var properties)
            ? properties.EnumerateArray().Where(p => p.GetProperty("Name").GetString() == name).Select(p => p.GetProperty("Value").GetString()).FirstOrDefault()
            : null;
}
