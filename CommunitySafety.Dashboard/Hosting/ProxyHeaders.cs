using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CommunitySafety.Dashboard.Hosting;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are believed only from the proxies the setting ForwardedHeaders:KnownProxies
/// names (addresses separated by commas or spaces; default 127.0.0.1 and ::1, nginx on the same server), so behind
/// nginx the app sees the browser's address and https, and anyone else sending those headers is ignored.
/// </summary>
public static class ProxyHeaders
{
    public const string KnownProxiesSetting = "ForwardedHeaders:KnownProxies";

    public static IServiceCollection AddProxyHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = KnownProxies(configuration);
        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = 1;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            foreach (var proxy in proxies) options.KnownProxies.Add(proxy);
        });
    }

    public static IReadOnlyList<IPAddress> KnownProxies(IConfiguration configuration)
    {
        var section = configuration.GetSection(KnownProxiesSetting);
        // Either one string ("10.0.0.5, 10.0.0.6") or an array (KnownProxies__0=10.0.0.5).
        var words = section.GetChildren().Any()
            ? section.GetChildren().Select(c => c.Value ?? "")
            : (section.Value ?? "127.0.0.1 ::1").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Where(w => w.Length > 0).Select(word => IPAddress.TryParse(word, out var address)
                ? address
                : throw new InvalidOperationException($"{KnownProxiesSetting} holds '{word}', which is not an IP address."))
            .ToList();
    }
}
