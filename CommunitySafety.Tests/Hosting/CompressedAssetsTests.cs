using System.Net;
using System.Text.RegularExpressions;
using CommunitySafety.Dashboard.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CommunitySafety.Tests.Hosting;

/// <summary>Every stylesheet and script the page links is served compressed at the address the page uses.</summary>
public sealed partial class CompressedAssetsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "csd-assets-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task MudBlazors_css_at_the_pages_fingerprinted_address_comes_compressed_and_cached_for_long()
    {
        Directory.CreateDirectory(_folder);
        await using var app = new Dashboard(Path.Combine(_folder, "dashboard.db"));
        using var client = app.CreateClient();

        var page = await client.GetStringAsync("/Account/Login");
        var address = Assert.Single(LinkedAssets().Matches(page).Select(m => m.Groups[1].Value), a => a.Contains("MudBlazor.min") && a.EndsWith(".css"));
        Assert.Matches(@"MudBlazor\.min\.[a-z0-9]+\.css$", address); // the fingerprinted address

        using var request = new HttpRequestMessage(HttpMethod.Get, "/" + address.TrimStart('/'));
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.Content.Headers.ContentEncoding.Single(), new[] { "br", "gzip" });
        var bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
        Assert.True(bytes < 100_000, $"MudBlazor's CSS came as {bytes:N0} bytes ({response.Content.Headers.ContentEncoding.Single()}, {response.Content.Headers.ContentLength}, {address}); compressed it is under 100 KB (627 KB as it is).");
        Assert.Equal("max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Every_stylesheet_and_script_the_page_links_is_compressed()
    {
        Directory.CreateDirectory(_folder);
        await using var app = new Dashboard(Path.Combine(_folder, "dashboard.db"));
        using var client = app.CreateClient();

        var page = await client.GetStringAsync("/Account/Login");
        var addresses = LinkedAssets().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(addresses);
        foreach (var address in addresses)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/" + address.TrimStart('/'));
            request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
            using var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{address}: {response.StatusCode}");
            Assert.True(response.Content.Headers.ContentEncoding.Count == 1, $"{address} came uncompressed.");
        }
    }

    [GeneratedRegex("""(?:href|src)="([^"]+\.(?:css|js))" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex LinkedAssets();

    /// <summary>
    /// In Production, as deployed, with the packages' files found in their NuGet folders as a published app has them in
    /// wwwroot, and the build's compressed files served as they are (with the build's manifest, the files are otherwise
    /// watched for changes and compressed on the fly, at no compression).
    /// </summary>
    private sealed class Dashboard(string databasePath) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseStaticWebAssets();
            builder.UseSetting("ReloadStaticAssetsAtRuntime", "false");
            builder.UseSetting("ConnectionStrings:CommunitySafety", $"Data Source={databasePath}");
            builder.UseSetting("SampleData:Enabled", "false");
            builder.UseSetting("ActionPlan:LoadPlanFiles", "false");
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
