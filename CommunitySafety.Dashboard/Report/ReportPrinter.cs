using System.Security.Claims;
using CommunitySafety.Dashboard.Components.Shared;
using CommunitySafety.Dashboard.Services.Access;
using CommunitySafety.Dashboard.Services;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Model;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace CommunitySafety.Dashboard.Report;

/// <summary>A PDF, or the sentence saying why none could be made.</summary>
public sealed record PrintResult(byte[]? Pdf, string? Problem);

/// <summary>
/// Prints the app's own /report page to PDF with headless Chromium, so the download is the same document as
/// the browser's print. One Chromium is started on the first print and kept warm for the next (a new page in it
/// costs well under a second, a new Chromium several); it is started again if it dies, and closed when the app stops.
/// Prints run Report:ConcurrentPrints at a time (default 2) with at most Report:QueueLength waiting (default 8); a
/// print that cannot start or finish within Report:TimeoutSeconds (default 60) is given up with a sentence.
/// The Chromium and the queue are per instance by design: each instance prints its own requests from the shared data.
/// </summary>
public sealed class ReportPrinter(
    IServer server, IConfiguration configuration, ILogger<ReportPrinter> logger, IOptionsMonitor<CookieAuthenticationOptions> cookies, TimeProvider time)
    : IAsyncDisposable
{
    public const string DefaultChromiumPath = "/usr/bin/chromium";
    public const string ChromiumMissing = "The server cannot make PDFs because Chromium is not installed: apt-get install chromium";
    public const string Busy = "The server is busy making other PDFs; try again in a minute.";

    private readonly int _concurrentPrints = Math.Max(1, configuration.GetValue("Report:ConcurrentPrints", 2));
    private readonly int _queueLength = Math.Max(0, configuration.GetValue("Report:QueueLength", 8));
    private readonly TimeSpan _timeout = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Report:TimeoutSeconds", 60)));
    private readonly SemaphoreSlim _browserGate = new(1, 1);
    private SemaphoreSlim? _printing;
    private int _admitted;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private bool _disposed;

    /// <summary>Setting Report:ChromiumPath, else Debian's Chromium.</summary>
    public string ChromiumPath => configuration["Report:ChromiumPath"] is { Length: > 0 } path ? path : DefaultChromiumPath;

    /// <summary>How long a print may wait for its turn and draw, together.</summary>
    public TimeSpan Timeout => _timeout;

    private SemaphoreSlim Printing => LazyInitializer.EnsureInitialized(ref _printing, () => new SemaphoreSlim(_concurrentPrints, _concurrentPrints));

    public async Task<PrintResult> PrintAsync(FinancialQuarter period, CancellationToken cancellationToken)
    {
        if (!File.Exists(ChromiumPath)) return new(null, ChromiumMissing);
        var url = new Uri(OwnBaseAddress(), Links.Report(period));

        // The queue is bounded: beyond the prints running and the ones allowed to wait, the answer is at once.
        if (Interlocked.Increment(ref _admitted) > _concurrentPrints + _queueLength)
        {
            Interlocked.Decrement(ref _admitted);
            return new(null, Busy);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var holdsTurn = false;
        try
        {
            await Printing.WaitAsync(deadline.Token);
            holdsTurn = true;
            var browser = await WarmBrowserAsync(deadline.Token);
            var context = await browser.NewContextAsync();
            try
            {
                await context.AddCookiesAsync([PrinterCookie(url)]);
                var page = await context.NewPageAsync();
                var remaining = _timeout - System.Diagnostics.Stopwatch.GetElapsedTime(started);
                page.SetDefaultTimeout((float)Math.Max(1000, remaining.TotalMilliseconds));
                var opening = System.Diagnostics.Stopwatch.GetTimestamp();
                await page.GotoAsync(url.ToString());
                var loaded = System.Diagnostics.Stopwatch.GetElapsedTime(opening);
                // The page marks itself ready once its figures are loaded and every chart is drawn.
                await page.Locator("[data-report-ready=true]").WaitForAsync();
                var drawn = System.Diagnostics.Stopwatch.GetElapsedTime(opening);
                deadline.Token.ThrowIfCancellationRequested();
                // Page size, margins and page numbers come from the page's own @page rules, as when a person prints it.
                var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true, PreferCSSPageSize = true });
                logger.LogInformation("Printed the report for {Period} in {Milliseconds} ms (page loaded {Loaded} ms, drawn {Drawn} ms, printed {Printed} ms after opening)",
                    $"Q{period.Quarter} {period.FinancialYear}", (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                    (long)loaded.TotalMilliseconds, (long)drawn.TotalMilliseconds, (long)System.Diagnostics.Stopwatch.GetElapsedTime(opening).TotalMilliseconds);
                return new(pdf, null);
            }
            finally
            {
                await CloseQuietlyAsync(context);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new(null, TimedOut(url));
        }
        catch (TimeoutException)
        {
            return new(null, TimedOut(url));
        }
        catch (PlaywrightException exception)
        {
            logger.LogError(exception, "Printing {Url} with {Chromium} failed", url, ChromiumPath);
            await ForgetBrowserAsync();
            return new(null, $"Chromium at {ChromiumPath} could not print the report: {exception.Message.Split('\n')[0]}");
        }
        finally
        {
            if (holdsTurn) Printing.Release();
            Interlocked.Decrement(ref _admitted);
        }
    }

    private string TimedOut(Uri url) =>
        $"The report at {url} could not be printed within {_timeout.TotalSeconds:0} seconds; the server may be busy, so try again in a minute.";

    /// <summary>The one Chromium, started when first needed and again when it has gone away.</summary>
    private async Task<IBrowser> WarmBrowserAsync(CancellationToken cancellationToken)
    {
        await _browserGate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_browser is { IsConnected: true } warm) return warm;
            if (_browser is not null) await ForgetBrowserCoreAsync();
            _playwright ??= await Playwright.CreateAsync();
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
            });
            logger.LogInformation("Started Chromium for PDFs in {Milliseconds} ms", (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return _browser;
        }
        finally
        {
            _browserGate.Release();
        }
    }

    private async Task ForgetBrowserAsync()
    {
        await _browserGate.WaitAsync();
        try { await ForgetBrowserCoreAsync(); }
        finally { _browserGate.Release(); }
    }

    private async Task ForgetBrowserCoreAsync()
    {
        var browser = _browser;
        _browser = null;
        if (browser is null) return;
        try { await browser.CloseAsync(); }
        catch (PlaywrightException) { /* already gone */ }
    }

    private static async Task CloseQuietlyAsync(IBrowserContext context)
    {
        try { await context.CloseAsync(); }
        catch (PlaywrightException) { /* the browser went away with it */ }
    }

    /// <summary>Closes Chromium when the app stops.</summary>
    public async ValueTask DisposeAsync()
    {
        await _browserGate.WaitAsync();
        try
        {
            _disposed = true;
            await ForgetBrowserCoreAsync();
            _playwright?.Dispose();
            _playwright = null;
        }
        finally
        {
            _browserGate.Release();
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
