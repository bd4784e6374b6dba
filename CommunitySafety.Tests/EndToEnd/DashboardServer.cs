using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Playwright;

namespace CommunitySafety.Tests.EndToEnd;

/// <summary>
/// The built dashboard running on a free port with its own temporary database (sample data loaded at start),
/// and Debian's Chromium driven by Playwright, started with the first page a test opens (API tests need none).
/// Fails, never skips, when Chromium or the build is missing.
/// </summary>
public class DashboardServer : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    /// <summary>
    /// How long a browser test waits for a state: a first page on a busy two-core machine, or a live update that
    /// comes with the next poll of the change log under load, can take many seconds.
    /// </summary>
    public const int WaitMilliseconds = 30_000;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "csd-e2e-" + Guid.NewGuid().ToString("N"));
    private readonly StringBuilder _output = new();
    private Process? _process;
    private readonly SemaphoreSlim _browserStart = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string BaseUrl { get; private set; } = "";
    public string DatabasePath => Path.Combine(_folder, "dashboard.db");

    public static string SolutionDirectory
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "CommunitySafety.sln"))) return dir.FullName;
            throw new InvalidOperationException($"CommunitySafety.sln was not found above {AppContext.BaseDirectory}.");
        }
    }

    /// <summary>The dashboard's own build output (its static web assets manifest lives there), same configuration as the tests.</summary>
    public static string DashboardDll
    {
        get
        {
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // bin/<Configuration>/net10.0
            var dll = Path.Combine(SolutionDirectory, "CommunitySafety.Dashboard", "bin", configuration, "net10.0", "CommunitySafety.Dashboard.dll");
            if (!File.Exists(dll)) throw new InvalidOperationException($"The dashboard is not built: {dll} is missing. Run dotnet build CommunitySafety.sln.");
            return dll;
        }
    }

    public string ScreenshotDirectory
    {
        get
        {
            var dir = Path.Combine(SolutionDirectory, "TestResults", "screenshots");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public virtual async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"Chromium is not installed at {ChromiumPath}; the end-to-end tests need it. Install it with: apt-get update && apt-get install -y chromium (or run ./scripts/test.sh as root).");

        Assertions.SetDefaultExpectTimeout(WaitMilliseconds);
        Directory.CreateDirectory(_folder);
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _process = StartDashboard($"--urls {BaseUrl}");
        await WaitUntilListeningAsync(_process);
    }

    /// <summary>
    /// A page on its own browser context, at the given size and colour scheme; signed in as a person holding
    /// <paramref name="role"/> when one is given (anonymous viewing is on, so the Viewer pages need none).
    /// </summary>
    public async Task<IPage> NewPageAsync(int width = 1920, int height = 1080, ColorScheme colorScheme = ColorScheme.Light, string? role = null)
    {
        var browser = await BrowserAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = colorScheme,
            BaseURL = BaseUrl,
        });
        context.SetDefaultTimeout(WaitMilliseconds);
        var page = await context.NewPageAsync();
        if (role is not null) await SignInAsync(page, role);
        return page;
    }

    /// <summary>The password of every test person this server makes; made per server, written nowhere else.</summary>
    public string TestPassword { get; } = "Test-" + Guid.NewGuid().ToString("N")[..12] + "-Aa1!";

    /// <summary>The email of the test person holding <paramref name="role"/>, "Test {role}" by name, lead name "CS Team".</summary>
    public static string TestEmail(string role) => $"{role.ToLowerInvariant()}@test.example";

    private readonly SemaphoreSlim _addingUsers = new(1, 1);
    private readonly HashSet<string> _usersAdded = [];

    /// <summary>Adds the role's test person with the `users add` verb, once per server.</summary>
    public async Task EnsureUserAsync(string role)
    {
        await _addingUsers.WaitAsync();
        try
        {
            if (_usersAdded.Contains(role)) return;
            var (exitCode, output) = await RunCommandLineWithInputAsync(TestPassword + "\n",
                "users", "add", "--email", TestEmail(role), "--role", role, "--name", $"Test {role}", "--lead-name", "CS Team", "--password-stdin");
            if (exitCode != 0) throw new InvalidOperationException($"The test {role} could not be added: {output}");
            _usersAdded.Add(role);
        }
        finally
        {
            _addingUsers.Release();
        }
    }

    /// <summary>Signs the page in through the /Account/Login form as the role's test person, and waits for the dashboard.</summary>
    public async Task SignInAsync(IPage page, string role)
    {
        await EnsureUserAsync(role);
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(TestEmail(role));
        await page.GetByLabel("Password").FillAsync(TestPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
    }

    /// <summary>Runs the command line with <paramref name="input"/> on its standard input.</summary>
    public async Task<(int ExitCode, string Output)> RunCommandLineWithInputAsync(string input, params string[] arguments)
    {
        using var process = StartDashboard(string.Join(" ", arguments.Select(Quote)) + " " + DatabaseArguments, redirectInput: true);
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Settings given to the dashboard as environment variables (Section__Key), set before the server starts.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    private async Task<IBrowser> BrowserAsync()
    {
        await _browserStart.WaitAsync();
        try
        {
            _playwright ??= await Playwright.CreateAsync();
            return _browser ??= await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
            });
        }
        finally
        {
            _browserStart.Release();
        }
    }

    /// <summary>
    /// Writes <paramref name="text"/> to a file of its own named after <paramref name="name"/>, runs `<paramref name="verb"/> FILE`
    /// against this server's database (an import, unless told), deletes the file, and fails the test with the command's
    /// output if it failed.
    /// </summary>
    public async Task ImportTextAsync(string name, string text, string verb = "import")
    {
        var file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}-{name}");
        await File.WriteAllTextAsync(file, text, new System.Text.UTF8Encoding(false));
        try
        {
            var (exitCode, output) = await RunCommandLineAsync(verb, file);
            Assert.True(exitCode == 0, $"{verb} {name} failed ({exitCode}):\n{output}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Runs the dashboard's command line against this server's database; returns its exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> RunCommandLineAsync(params string[] arguments)
    {
        using var process = StartDashboard(string.Join(" ", arguments.Select(Quote)) + " " + DatabaseArguments);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    public virtual async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        _browserStart.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>How the command line is told the database (a derived server may use PostgreSQL).</summary>
    protected virtual string DatabaseArguments => $"--db {Quote(DatabasePath)}";

    /// <summary>How the web app is told the database.</summary>
    protected virtual void SetDatabase(IDictionary<string, string?> environment) =>
        environment["ConnectionStrings__CommunitySafety"] = $"Data Source={DatabasePath}";

    private Process StartDashboard(string arguments, bool redirectInput = false)
    {
        var dll = DashboardDll;
        var start = new ProcessStartInfo("dotnet", $"{Quote(dll)} {arguments}")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        foreach (var (name, value) in Settings) start.Environment[name] = value;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        SetDatabase(start.Environment);
        // Every browser test signs in from 127.0.0.1; the per-address sign-in limit is tested on its own (RateLimitTests).
        start.Environment["RateLimits__SignInPerMinute"] = "1000";
        start.Environment.Remove("ASPNETCORE_URLS");
        return Process.Start(start) ?? throw new InvalidOperationException("The dashboard could not be started.");
    }

    private async Task WaitUntilListeningAsync(Process process)
    {
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(object _, DataReceivedEventArgs e)
        {
            if (e.Data is null) return;
            lock (_output) _output.AppendLine(e.Data);
            if (e.Data.Contains("Now listening on:", StringComparison.Ordinal)) listening.TrySetResult();
        }
        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"The dashboard stopped while starting:\n{Output}"));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var finished = await Task.WhenAny(listening.Task, Task.Delay(StartTimeout));
        if (finished != listening.Task) throw new TimeoutException($"The dashboard did not start within {StartTimeout.TotalSeconds} s:\n{Output}");
        await listening.Task;
    }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    protected static string Quote(string argument) => argument.Contains(' ') ? $"\"{argument}\"" : argument;
}

/// <summary>The browser tests that only read share one server.</summary>
[CollectionDefinition(Name)]
public class DashboardCollection : ICollectionFixture<DashboardServer>
{
    public const string Name = "Dashboard with sample data";
}

/// <summary>
/// The browser tests that change the data: each class has a server of its own (its figures start from the sample
/// data), and the classes of this collection run one after another, so with the shared server above at most two
/// dashboards run at once.
/// </summary>
[CollectionDefinition(Name)]
public class ChangingDataCollection
{
    public const string Name = "Dashboard whose data changes";
}
