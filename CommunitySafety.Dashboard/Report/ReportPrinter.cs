using System.Security.Claims;
using CommunitySafety.Dashboard.Components.Shared;
using CommunitySafety.Dashboard.Services.Access;
using CommunitySafety.Data.Model;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using CommunitySafety.Data.Figures;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Playwright;

namespace CommunitySafety.Dashboard.Report;

/// <summary>A PDF, or the sentence saying why none could be made.</summary>
public sealed record PrintResult(byte[]? Pdf, string? Problem);

/// <summary>
/// Prints the app's own /report page to PDF with headless Chromium, so the download is the same document as
/// the browser's print. One print at a time: each starts a browser, and the server may have only a core or two.
/// </summary>
public sealed class ReportPrinter(
    IServer server, IConfiguration configuration, ILogger<ReportPrinter> logger, IOptionsMonitor<CookieAuthenticationOptions> cookies, TimeProvider time)
{
    public const string DefaultChromiumPath = "/usr/bin/chromium";
    public const string ChromiumMissing = "The server cannot make PDFs because Chromium is not installed: apt-get install chromium";

    private static readonly TimeSpan DrawTimeout = TimeSpan.FromSeconds(60);
    private readonly SemaphoreSlim _onePrintAtATime = new(1, 1);

    /// <summary>Setting Report:ChromiumPath, else Debian's Chromium.</summary>
    public string ChromiumPath => configuration["Report:ChromiumPath"] is { Length: > 0 } path ? path : DefaultChromiumPath;

    public async Task<PrintResult> PrintAsync(FinancialQuarter period, CancellationToken cancellationToken)
    {
        if (!File.Exists(ChromiumPath)) return new(null, ChromiumMissing);
        var url = new Uri(OwnBaseAddress(), Links.Report(period));

        await _onePrintAtATime.WaitAsync(cancellationToken);
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
            });
            var context = await browser.NewContextAsync();
            await context.AddCookiesAsync([PrinterCookie(url)]);
            var page = await context.NewPageAsync();
            await page.GotoAsync(url.ToString());
            // The page marks itself ready once its figures are loaded and every chart is drawn.
            await page.Locator("[data-report-ready=true]").WaitForAsync(new() { Timeout = (float)DrawTimeout.TotalMilliseconds });
            // Page size, margins and page numbers come from the page's own @page rules, as when a person prints it.
            var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true, PreferCSSPageSize = true });
            return new(pdf, null);
        }
        catch (TimeoutException)
        {
            return new(null, $"The report at {url} did not finish drawing within {DrawTimeout.TotalSeconds:0} seconds.");
        }
        catch (PlaywrightException exception)
        {
            logger.LogError(exception, "Printing {Url} with {Chromium} failed", url, ChromiumPath);
            return new(null, $"Chromium at {ChromiumPath} could not print the report: {exception.Message.Split('\n')[0]}");
        }
        finally
        {
            _onePrintAtATime.Release();
        }
    }

    /// <summary>
    /// The printer's own browser is signed in as a Viewer for five minutes (the /report page needs the View policy
    /// when anonymous viewing is off): a sign-in cookie made here, never shown to anyone.
    /// </summary>
    private Cookie PrinterCookie(Uri url)
    {
        var options = cookies.Get(IdentityConstants.ApplicationScheme);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "Report printer"), new Claim(AccessClaims.DisplayName, "Report printer"), new Claim(ClaimTypes.Role, Roles.Viewer)],
            IdentityConstants.ApplicationScheme);
        var now = time.GetUtcNow();
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity),
            new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddMinutes(5) }, IdentityConstants.ApplicationScheme);
        return new Cookie
        {
            Name = options.Cookie.Name!,
            Value = options.TicketDataFormat.Protect(ticket),
            Url = new Uri(url, "/").ToString(),
            HttpOnly = true,
        };
    }

    /// <summary>Where this server listens, as a browser on the same machine reaches it (a wildcard host becomes localhost).</summary>
    private Uri OwnBaseAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The server is not listening on any address.");
        var uri = new UriBuilder(address.Replace("://+", "://localhost").Replace("://*", "://localhost"));
        if (uri.Host is "0.0.0.0" or "[::]" or "::") uri.Host = "localhost";
        uri.Path = "/";
        return uri.Uri;
    }
}
