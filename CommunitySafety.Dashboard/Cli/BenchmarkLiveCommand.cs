using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using CommunitySafety.Dashboard.Hosting;
using CommunitySafety.Data.Model;
using Microsoft.Playwright;

namespace CommunitySafety.Dashboard.Cli;

/// <summary>
/// `benchmark-live --pages N [--page overview|beats|meeting] [--large] [--changes K] [--app DLL] [--browsers-share-cpu]`: starts the dashboard
/// (this build, or the one at --app) on a new database, opens N real pages (the overview unless --page says another) (one headless Chromium, one context each) and prints the
/// server's resident memory and live managed heap before and after, the cost per page, each page's time to its first
/// figure, and the fan-out of K command-line imports (from the server's own log: commit to the last page redrawn).
/// With --large the data is a 300-beat, ten-year police.uk district instead of the sample, and it also measures
/// GET /api/summary under 20 concurrent requests. With the pages open, every page that shows figures is also opened three
/// times to its first figure.
/// The browsers run at the lowest CPU priority (nice 19 and SCHED_IDLE): in a council chamber each page's redraw runs on
/// its own phone, not on the server, and 200 renderer processes at equal priority left the server a fifth of a core
/// during a fan-out, stretching its collector's pauses from milliseconds to a second. --browsers-share-cpu runs them at
/// equal priority.
/// </summary>
internal static partial class BenchmarkLiveCommand
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const int LargeBeats = 300;
    private const int LargeYears = 10;
    private const int LargeRowsPerYear = 200_000;

    /// <summary>Memory is sampled every so many pages.</summary>
    private const int SampleEvery = 25;

    /// <summary>The pages the benchmark can open, with what shows their first figure.</summary>
    private static readonly Dictionary<string, (string Path, string FirstFigure)> OpenablePages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["overview"] = ("", ".measure-card .measure-percent"),
        ["beats"] = ("beats", ".beats-table tbody tr td"),
        ["meeting"] = ("meeting", ".slide .measure-card .measure-percent"),
    };

    /// <summary>
    /// Every page that shows figures, with what shows its first one, timed with the pages open: "any page of a 300-beat,
    /// ten-year district answers as fast as the sample's". The action plan only with the sample, which has one.
    /// </summary>
    private static IEnumerable<(string Name, string Path, string FirstFigure)> EveryPage(bool large) =>
    [
        ("overview", "", ".measure-card .measure-percent"),
        ("beats", "beats", ".beats-table tbody tr td"),
        ("a beat", $"beats/{Uri.EscapeDataString(large ? "Harborough 001" : "Harborough North")}", ".measure-card .measure-percent"),
        ("crime types", "crime-types", ".crime-types-table tbody tr td"),
        ("meeting", "meeting", ".slide .measure-card .measure-percent"),
        ("report (the pack)", "report", "[data-report-ready=true]"),
        .. large ? [] : new[] { ("action plan", "action-plan", ".plan-action") },
    ];

    private static readonly string[] CrimeTypes =
    [
        "Anti-social behaviour", "Violence and sexual offences", "Criminal damage and arson", "Public order", "Burglary",
        "Vehicle crime", "Other theft", "Shoplifting", "Drugs", "Other crime", "Bicycle theft", "Robbery",
        "Theft from the person", "Possession of weapons",
    ];

    /// <summary>A script that starts Chromium at the lowest CPU priority; every process it starts (a renderer a page) inherits it.</summary>
    private static string LowPriorityChromium(string folder)
    {
        var script = Path.Combine(folder, "chromium-low-priority");
        // SCHED_IDLE as well as nice 19 where chrt is found: CFS weighs each process, and 200 renderers at nice 19 still
        // outweighed the server's one busy thread (15 each against 1,024); at SCHED_IDLE they weigh 3 each.
        File.WriteAllText(script,
            $"#!/bin/sh\nif command -v chrt >/dev/null; then exec nice -n 19 chrt --idle 0 '{ChromiumPath}' \"$@\"; fi\nexec nice -n 19 '{ChromiumPath}' \"$@\"\n");
        if (OperatingSystem.IsWindows()) return ChromiumPath; // no nice, and no /usr/bin/chromium either
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }

    public static async Task<int> RunAsync(Arguments arguments)
    {
        arguments.AllowOnly("--pages", "--page", "--large", "--changes", "--app", "--browsers-share-cpu");
        var pageName = arguments.Value("--page") ?? "overview";
        if (!OpenablePages.TryGetValue(pageName, out var opened))
            throw new UsageException($"--page must be one of {string.Join(", ", OpenablePages.Keys)}, not '{pageName}'.");
        var pages = WholeNumber(arguments, "--pages", 50);
        var changes = WholeNumber(arguments, "--changes", 3);
        var large = arguments.Has("--large");
        var browsersShareCpu = arguments.Has("--browsers-share-cpu");
        var app = Path.GetFullPath(arguments.Value("--app") ?? typeof(BenchmarkLiveCommand).Assembly.Location);
        if (!File.Exists(app)) throw new UsageException($"--app must be the dashboard's .dll, and '{app}' is not there.");
        if (!File.Exists(ChromiumPath)) throw new UsageException($"The live benchmark needs Chromium at {ChromiumPath}: apt-get install chromium.");

        var folder = Directory.CreateTempSubdirectory("community-safety-live-benchmark-");
        var database = Path.Combine(folder.FullName, "live.db");
        try
        {
            Console.WriteLine($"Live benchmark: {pages} {pageName.ToLowerInvariant()} pages, {(large ? $"{LargeBeats} beats x {LargeYears} years of police.uk data" : "the sample data")}, app {app}");
            Console.WriteLine($"  (the machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}; the browsers share them with the server, " +
                              (browsersShareCpu ? "at the same priority)" : "at the lowest priority, nice 19 and SCHED_IDLE, taking what it leaves)"));
            var (period, changeMonth) = large ? await ImportLargeAsync(app, database, folder.FullName) : ("2023-24", "2023-06");
            var quarter = 1;
            await using var server = await Server.StartAsync(app, database, sampleData: !large);
            var address = $"{server.Address}/{opened.Path}?year={period}&quarter={quarter}";

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = browsersShareCpu ? ChromiumPath : LowPriorityChromium(folder.FullName),
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
            });

            // One page opened and closed first, so what is measured is not the server compiling its code.
            await OpenAsync(browser, address, opened.FirstFigure, close: true);
            var before = await server.MemoryAsync();

            var firstFigure = new List<double>();
            var open = new List<IBrowserContext>();
            var samples = new List<(int Pages, Memory Memory)> { (0, before) };
            for (var i = 0; i < pages; i++)
            {
                var (context, ms) = await OpenAsync(browser, address, opened.FirstFigure, close: false);
                open.Add(context!);
                firstFigure.Add(ms);
                if ((i + 1) % SampleEvery == 0 && i + 1 < pages)
                {
                    var memory = await server.MemoryAsync();
                    samples.Add((i + 1, memory));
                    Console.WriteLine($"  {i + 1} pages open, the last's first figure in {ms:N0} ms; {memory}");
                }
            }
            var after = await server.MemoryAsync();
            samples.Add((pages, after));
            Console.WriteLine($"  {pages} pages open; {after}");

            // Before the imports: after one, every open page's browser redraws its charts, and a page opened then would be
            // timed against two hundred redraws rather than the server.
            var everyPage = new List<string>();
            foreach (var (name, path, figure) in EveryPage(large))
            {
                var loads = new List<double>();
                try
                {
                    for (var i = 0; i < 3; i++)
                        loads.Add((await OpenAsync(browser, $"{server.Address}/{path}{(path.Contains('?') ? '&' : '?')}year={period}&quarter={quarter}", figure, close: true, timeoutMs: 60_000)).Ms);
                    everyPage.Add($"  {name + ":",-22}{Spread(loads)}");
                }
                catch (TimeoutException)
                {
                    everyPage.Add($"  {name + ":",-22}no figure within a minute ({figure})");
                }
            }

            var fanOut = new List<FanOut>();
            for (var i = 0; i < changes; i++)
            {
                var file = Path.Combine(folder.FullName, $"change-{i + 1}.csv");
                await File.WriteAllTextAsync(file,
                    $"Month,Beat,Category,Type,LocationType,Domestic,Count\n{changeMonth},Fan-out beat,ASB,Nuisance,Street,N,{100 + i}\n");
                var waiting = server.NextFanOutAsync();
                await RunAsync(app, $"import \"{file}\" --db \"{database}\"");
                fanOut.Add(await waiting.WaitAsync(TimeSpan.FromMinutes(5)));
            }

            Console.WriteLine();
            Console.WriteLine($"Pages open:               {pages}");
            // The first pages also compile and recompile the server's code for the load and grow its heap and native
            // arenas to working size (about 20 MB of compiled code alone, levelling off near 100 pages): what one more open
            // page costs is the slope over the second half, printed beside the cost from 0.
            var warm = samples.Where(x => x.Pages > 0 && x.Pages <= pages / 2).LastOrDefault();
            var warmPages = warm.Pages;
            string FromWarm(Func<Memory, double?> value) => warm.Memory is null
                ? ""
                : $"; {PerPage(value(warm.Memory)!.Value, value(after)!.Value, pages - warmPages)} a page from {warmPages} to {pages} pages, least-squares slope {Slope(samples.Where(x => x.Pages >= warmPages).ToList(), value)} a page";
            Console.WriteLine($"Server resident memory:   {before.ResidentMb:N1} MB before, {after.ResidentMb:N1} MB after: {PerPage(before.ResidentMb, after.ResidentMb, pages)} a page from 0 (least-squares slope over every sample {Slope(samples, m => m.ResidentMb)} a page){FromWarm(m => m.ResidentMb)}");
            Console.WriteLine(before.LiveHeapMb is null
                ? "Live managed heap:        not reported by this build (no /diagnostics/memory)"
                : $"Live managed heap:        {before.LiveHeapMb:N1} MB before, {after.LiveHeapMb:N1} MB after: {PerPage(before.LiveHeapMb.Value, after.LiveHeapMb!.Value, pages)} a page from 0{FromWarm(m => m.LiveHeapMb)}");
            if (before.CommittedMb is { } committedBefore && after.CommittedMb is { } committedAfter)
                Console.WriteLine($"Managed heap committed:   {committedBefore:N1} MB before, {committedAfter:N1} MB after: {PerPage(committedBefore, committedAfter, pages)} a page from 0 (the collector's memory, live or free){FromWarm(m => m.CommittedMb)}");
            Console.WriteLine($"Compiled code:            {before.CodeMb:N1} MB before, {after.CodeMb:N1} MB after (grows as code is first compiled and recompiled under load, not with each page)");
            Console.WriteLine($"First figure per page:    {Spread(firstFigure)}");
            Console.WriteLine(fanOut.Any(f => f.Circuits >= 0)
                ? $"Fan-out ({changes} imports):  {Spread(fanOut.Select(f => (double)f.Ms).ToList())} to {fanOut.Max(f => f.Circuits)} open pages (commit to the last page redrawn, the server's log)"
                : "Fan-out:                  not logged by this build");
            if (fanOut.Count > 0 && fanOut.All(f => f.HalfMs is not null))
                Console.WriteLine($"  the first page:         {Spread(fanOut.Select(f => (double)f.FirstMs!.Value).ToList())}; half of the pages: {Spread(fanOut.Select(f => (double)f.HalfMs!.Value).ToList())}");
            if (fanOut.Count > 0 && fanOut.All(f => f.ToldMs is not null))
                Console.WriteLine($"  pages told of it:       {Spread(fanOut.Select(f => (double)f.ToldMs!.Value).ToList())} after the commit (the watcher's poll, and the commit being seen)");
            if (fanOut.Count > 0 && fanOut.All(f => f.ToldMs is not null))
                Console.WriteLine($"  each import:            {string.Join("; ", fanOut.Select(f => $"{f.Ms:N0} ms (first {f.FirstMs:N0}, half {f.HalfMs:N0}, told {f.ToldMs:N0})"))}");

            if (large)
            {
                var (p50, p95, perSecond) = await SummaryLatencyAsync(server.Address, period, quarter);
                Console.WriteLine($"/api/summary, 20 at once: p50 {p50:N1} ms, p95 {p95:N1} ms, {perSecond:N0} requests/s");
            }
            Console.WriteLine($"First figure on each page (3 loads each, {pages} pages open, before the imports):");
            foreach (var line in everyPage) Console.WriteLine(line);
            foreach (var context in open) await context.CloseAsync();
            return CommandLine.Done;
        }
        finally
        {
            try { folder.Delete(recursive: true); } catch (IOException) { }
        }
    }

    private static int WholeNumber(Arguments arguments, string option, int otherwise)
    {
        var text = arguments.Value(option);
        if (text is null) return otherwise;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1
            ? value
            : throw new UsageException($"{option} must be a whole number of 1 or more, not '{text}'.");
    }

    /// <summary>Opens a page in a context of its own and gives the time until <paramref name="figure"/> shows.</summary>
    private static async Task<(IBrowserContext? Context, double Ms)> OpenAsync(IBrowser browser, string address, string figure, bool close, float timeoutMs = 300_000)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var watch = Stopwatch.StartNew();
        try
        {
            await page.GotoAsync(address, new PageGotoOptions { Timeout = timeoutMs });
            await page.Locator(figure).First.WaitForAsync(new LocatorWaitForOptions { Timeout = timeoutMs });
        }
        catch (TimeoutException)
        {
            await context.CloseAsync();
            throw;
        }
        var ms = watch.Elapsed.TotalMilliseconds;
        if (!close) return (context, ms);
        await context.CloseAsync();
        return (null, ms);
    }

    private static string PerPage(double before, double after, int pages) =>
        $"{(after - before) * 1024 / pages:N0} KB";

    private static string Spread(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return $"min {sorted[0]:N0} ms, median {sorted[sorted.Count / 2]:N0} ms, max {sorted[^1]:N0} ms";
    }

    private static string LoadAverage()
    {
        try { return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "unknown"; }
    }

    /// <summary>GET /api/summary warm, 20 requests at a time, 25 each: the median and 95th percentile.</summary>
    private static async Task<(double P50, double P95, double PerSecond)> SummaryLatencyAsync(string address, string period, int quarter)
    {
        using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(5) };
        var path = $"/api/summary?year={period}&quarter={quarter}";
        for (var i = 0; i < 5; i++) (await http.GetAsync(path)).EnsureSuccessStatusCode();
        var times = new List<double>();
        var all = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            for (var i = 0; i < 25; i++)
            {
                var watch = Stopwatch.StartNew();
                using var response = await http.GetAsync(path);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
                lock (times) times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }));
        var sorted = times.Order().ToList();
        return (sorted[sorted.Count / 2], sorted[(int)(sorted.Count * 0.95)], times.Count / all.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Writes ten financial years of police.uk rows for 300 neighbourhoods (two LSOAs each, "Harborough 001A"), imports
    /// them with the command line, and gives the latest year and the month the fan-out imports replace.
    /// </summary>
    private static async Task<(string Period, string ChangeMonth)> ImportLargeAsync(string app, string database, string folder)
    {
        var files = new List<string>();
        var random = new Random(15);
        var firstYear = 2014;
        for (var year = 0; year < LargeYears; year++)
        {
            var file = Path.Combine(folder, $"{firstYear + year}-live-benchmark-leicestershire-street.csv");
            await using var writer = new StreamWriter(file, false, new UTF8Encoding(false), 1 << 16);
            await writer.WriteLineAsync("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context");
            for (var i = 0; i < LargeRowsPerYear; i++)
            {
                var month = new YearMonth(firstYear + year, 4).AddMonths(i * 12 / LargeRowsPerYear);
                var lsoa = random.Next(LargeBeats * 2);
                var type = CrimeTypes[random.Next(CrimeTypes.Length)];
                await writer.WriteLineAsync(
                    $",{month},Leicestershire Police,Leicestershire Police,-0.9,52.5,On or near High Street,E0199{lsoa:D4},Harborough {lsoa / 2 + 1:D3}{(char)('A' + lsoa % 2)},{type},,");
            }
            files.Add(file);
        }
        var watch = Stopwatch.StartNew();
        await RunAsync(app, "import " + string.Join(" ", files.Select(f => $"\"{f}\"")) + $" --db \"{database}\"");
        Console.WriteLine($"  imported {LargeYears * LargeRowsPerYear:N0} police.uk rows in {watch.Elapsed.TotalSeconds:N1} s");
        var last = firstYear + LargeYears - 1;
        return ($"{last}-{(last + 1) % 100:D2}", $"{last}-06");
    }

    private static async Task RunAsync(string app, string arguments)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{app}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(app)!,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The dashboard's command line could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"'{arguments}' failed ({process.ExitCode}):\n{await output}{await errors}");
    }

    /// <summary>
    /// The server's memory: resident in all; the live managed heap and what the collector has committed (null from a
    /// build without the memory endpoint); resident anonymous memory (the collector's heap, native allocations, stacks)
    /// and the runtime's executable memory (compiled code and stubs, which grows as code is first compiled or
    /// recompiled under load, not with each page).
    /// </summary>
    private sealed record Memory(double ResidentMb, double? LiveHeapMb, double? CommittedMb, double AnonymousMb, double CodeMb, double MallocMb, int Threads, double? SqliteMb = null, double? SqlitePeakMb = null)
    {
        public override string ToString() =>
            $"resident {ResidentMb:N1} MB (code {CodeMb:N1}, anonymous {AnonymousMb:N1}, of which {MallocMb:N1} in 64 MB-aligned mappings, roughly glibc's malloc arenas; {Threads} threads{(SqliteMb is { } sqlite ? $"; SQLite {sqlite:N1} MB, at most {SqlitePeakMb:N1}" : "")}), live heap {LiveHeapMb?.ToString("N1", CultureInfo.InvariantCulture) ?? "?"} MB, committed {CommittedMb?.ToString("N1", CultureInfo.InvariantCulture) ?? "?"} MB";
    }

    /// <summary>The least-squares slope of <paramref name="value"/> over the samples, in KB a page.</summary>
    private static string Slope(IReadOnlyList<(int Pages, Memory Memory)> samples, Func<Memory, double?> value)
    {
        var points = samples.Where(s => value(s.Memory) is not null).Select(s => (X: (double)s.Pages, Y: value(s.Memory)!.Value)).ToList();
        if (points.Count < 2) return "?";
        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var slope = points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / points.Sum(p => (p.X - meanX) * (p.X - meanX));
        return $"{slope * 1024:N0} KB";
    }

    /// <summary>A fan-out as the server logged it; the first and the middle page's times where the build logs them.</summary>
    private sealed record FanOut(long Ms, int Circuits, long? FirstMs = null, long? HalfMs = null, long? ToldMs = null);

    private static long Whole(Group group) => long.Parse(group.Value, CultureInfo.InvariantCulture);

    private static long? OptionalWhole(Group group) => group.Success ? Whole(group) : null;

    [GeneratedRegex(@"Data change (\d+) reached (\d+) open pages in (\d+) ms(?: \(the first in (\d+) ms, half of them in (\d+) ms(?:; told (-?\d+) ms after its commit)?\))?")]
    private static partial Regex FanOutLine();

    /// <summary>The dashboard as a process of its own, its log read line by line.</summary>
    private sealed class Server : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly Lock _gate = new();
        private TaskCompletionSource<FanOut>? _nextFanOut;

        private Server(Process process, string address)
        {
            _process = process;
            Address = address;
        }

        public string Address { get; }

        public static async Task<Server> StartAsync(string app, string database, bool sampleData)
        {
            int port;
            using (var listener = new TcpListener(IPAddress.Loopback, 0))
            {
                listener.Start();
                port = ((IPEndPoint)listener.LocalEndpoint).Port;
            }
            var address = $"http://127.0.0.1:{port}";
            var start = new ProcessStartInfo("dotnet", $"\"{app}\" --urls {address}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = Path.GetDirectoryName(app)!,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["ConnectionStrings__CommunitySafety"] = $"Data Source={database}";
            start.Environment["SampleData__Enabled"] = sampleData ? "true" : "false";
            start.Environment["Access__AnonymousViewing"] = "true";
            start.Environment[MemoryDiagnostics.Setting.Replace(":", "__", StringComparison.Ordinal)] = "true";
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
            start.Environment["Logging__LogLevel__CommunitySafety.Data.DataChangeNotifier"] = "Information";
            start.Environment.Remove("ASPNETCORE_URLS");
            var process = Process.Start(start) ?? throw new InvalidOperationException("The dashboard could not be started.");
            var server = new Server(process, address);
            var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var log = new StringBuilder();
            void OnLine(object? _, DataReceivedEventArgs e)
            {
                if (e.Data is null) return;
                lock (log) log.AppendLine(e.Data);
                if (e.Data.Contains("Now listening on:", StringComparison.Ordinal)) listening.TrySetResult();
                if (FanOutLine().Match(e.Data) is { Success: true } m)
                    lock (server._gate) server._nextFanOut?.TrySetResult(new FanOut(Whole(m.Groups[3]), (int)Whole(m.Groups[2]), OptionalWhole(m.Groups[4]), OptionalWhole(m.Groups[5]), OptionalWhole(m.Groups[6])));
            }
            process.OutputDataReceived += OnLine;
            process.ErrorDataReceived += OnLine;
            process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"The dashboard stopped:\n{log}"));
            process.EnableRaisingEvents = true;
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await listening.Task.WaitAsync(TimeSpan.FromMinutes(5));
            return server;
        }

        /// <summary>The next fan-out the server logs: its milliseconds and open pages ((-1, -1) when this build logs none within 2 minutes).</summary>
        public async Task<FanOut> NextFanOutAsync()
        {
            TaskCompletionSource<FanOut> next;
            lock (_gate) next = _nextFanOut = new TaskCompletionSource<FanOut>(TaskCreationOptions.RunContinuationsAsynchronously);
            try { return await next.Task.WaitAsync(TimeSpan.FromMinutes(2)); }
            catch (TimeoutException) { return new FanOut(-1, -1); }
        }

        /// <summary>
        /// Resident memory from /proc (VmRSS) split by kind of mapping (smaps), and, where the build offers it, the live
        /// managed heap after a full collection and what the collector holds committed.
        /// </summary>
        public async Task<Memory> MemoryAsync()
        {
            double? heap = null, committed = null, sqlite = null, sqlitePeak = null;
            using (var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) })
            {
                var response = await http.GetAsync($"{Address}{MemoryDiagnostics.Path}");
                if (response.IsSuccessStatusCode)
                {
                    var figures = (await response.Content.ReadFromJsonAsync<MemoryDiagnostics.MemoryFigures>())!;
                    (heap, committed) = (figures.LiveHeapMb, figures.CommittedMb > 0 ? figures.CommittedMb : null);
                    (sqlite, sqlitePeak) = (figures.SqliteMb, figures.SqlitePeakMb);
                }
                else
                {
                    // A build without the endpoint: give its collector time to settle instead.
                    await Task.Delay(TimeSpan.FromSeconds(5));
                }
            }
            double anonymousKb = 0, codeKb = 0, otherKb = 0, mallocKb = 0;
            string mapping = "";
            var inMallocArena = false;
            foreach (var line in await File.ReadAllLinesAsync($"/proc/{_process.Id}/smaps"))
            {
                if (line.Length > 0 && char.IsAsciiHexDigit(line[0]) && line.Contains('-'))
                {
                    var parts = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
                    mapping = parts.Length > 5 ? parts[5] : "";
                    // glibc's per-thread malloc arenas are anonymous mappings aligned to their 64 MB maximum (a heuristic: other
                    // anonymous mappings can fall on such a boundary too).
                    var range = parts[0].Split('-');
                    inMallocArena = mapping.Length == 0 && Convert.ToUInt64(range[0], 16) % (64UL << 20) == 0
                                    && Convert.ToUInt64(range[1], 16) - Convert.ToUInt64(range[0], 16) <= 64UL << 20;
                }
                else if (line.StartsWith("Rss:", StringComparison.Ordinal))
                {
                    var kb = double.Parse(line[4..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                    if (mapping.Length == 0 || mapping == "[heap]") anonymousKb += kb;
                    else if (mapping.Contains("doublemapper", StringComparison.Ordinal)) codeKb += kb;
                    else otherKb += kb;
                    if (inMallocArena || mapping == "[heap]") mallocKb += kb;
                }
            }
            var threads = (await File.ReadAllLinesAsync($"/proc/{_process.Id}/status")).First(l => l.StartsWith("Threads:", StringComparison.Ordinal))["Threads:".Length..].Trim();
            return new Memory((anonymousKb + codeKb + otherKb) / 1024, heap, committed, anonymousKb / 1024, codeKb / 1024, mallocKb / 1024, int.Parse(threads, CultureInfo.InvariantCulture), sqlite, sqlitePeak);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
        }
    }
}
