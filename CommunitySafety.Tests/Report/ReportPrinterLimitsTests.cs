using System.Net.Sockets;
using System.Net;
using CommunitySafety.Dashboard.Report;
using CommunitySafety.Data.Figures;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CommunitySafety.Tests.Report;

/// <summary>
/// The printer's bounds, against a "server" that accepts connections and never answers, so a print can neither
/// finish nor fail by itself: the queue turns away what it cannot hold, and the timeout ends a print with a sentence.
/// Needs Debian's Chromium, as the end-to-end tests do.
/// </summary>
public sealed class ReportPrinterLimitsTests : IAsyncLifetime
{
    private readonly TcpListener _silent = new(IPAddress.Loopback, 0);
    private readonly List<Socket> _accepted = [];
    private Task? _accepting;

    public Task InitializeAsync()
    {
        _silent.Start();
        _accepting = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    var socket = await _silent.AcceptSocketAsync();
                    lock (_accepted) _accepted.Add(socket);
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // The listener was stopped.
            }
        });
        return Task.CompletedTask;
    }

    private ReportPrinter Printer(int concurrent, int queue, int timeoutSeconds) => new(
        new SilentServer($"http://127.0.0.1:{((IPEndPoint)_silent.LocalEndpoint).Port}"),
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Report:ConcurrentPrints"] = concurrent.ToString(),
            ["Report:QueueLength"] = queue.ToString(),
            ["Report:TimeoutSeconds"] = timeoutSeconds.ToString(),
        }).Build(),
        NullLogger<ReportPrinter>.Instance,
        new PrinterCookies(),
        TimeProvider.System);

    /// <summary>The sign-in cookie options the printer signs its own browser in with, as the app's would be.</summary>
    private sealed class PrinterCookies : IOptionsMonitor<CookieAuthenticationOptions>
    {
        public CookieAuthenticationOptions CurrentValue { get; } = new()
        {
            Cookie = { Name = "test-sign-in" },
            TicketDataFormat = new TicketDataFormat(new EphemeralDataProtectionProvider().CreateProtector("report-printer-test")),
        };

        public CookieAuthenticationOptions Get(string? name) => CurrentValue;

        public IDisposable? OnChange(Action<CookieAuthenticationOptions, string?> listener) => null;
    }

    [Fact]
    public async Task A_print_beyond_the_queue_is_turned_away_at_once_and_one_that_cannot_finish_ends_at_the_timeout_with_a_sentence()
    {
        Assert.True(File.Exists(ReportPrinter.DefaultChromiumPath), "Chromium is not installed at /usr/bin/chromium: apt-get install -y chromium.");
        await using var printer = Printer(concurrent: 1, queue: 1, timeoutSeconds: 5);
        var quarter = new FinancialQuarter(2023, 1);

        var printing = printer.PrintAsync(quarter, CancellationToken.None);
        var waiting = printer.PrintAsync(quarter, CancellationToken.None);
        var turnedAway = await printer.PrintAsync(quarter, CancellationToken.None);

        Assert.Null(turnedAway.Pdf);
        Assert.Equal(ReportPrinter.Busy, turnedAway.Problem);

        var first = await printing;
        Assert.Null(first.Pdf);
        Assert.Matches(@"^The report at http://127\.0\.0\.1:\d+/report\?year=2023-24&quarter=1 could not be printed within 5 seconds; the server may be busy, so try again in a minute\.$", first.Problem);
        var second = await waiting;
        Assert.Null(second.Pdf);
        Assert.Contains("could not be printed within 5 seconds", second.Problem);
    }

    public async Task DisposeAsync()
    {
        _silent.Stop();
        if (_accepting is not null) await _accepting;
        lock (_accepted) foreach (var socket in _accepted) socket.Dispose();
    }

    private sealed class SilentServer : IServer
    {
        public SilentServer(string address)
        {
            var addresses = new ServerAddressesFeature();
            addresses.Addresses.Add(address);
            Features.Set<IServerAddressesFeature>(addresses);
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
