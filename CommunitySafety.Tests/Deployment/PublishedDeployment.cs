using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CommunitySafety.Tests.EndToEnd;
using Microsoft.Playwright;

namespace CommunitySafety.Tests.Deployment;

/// <summary>
/// The deployment of deploy/ rebuilt in a temporary folder: the app published (Release) into app/, started from there
/// in Production with the systemd unit's own ExecStart and Environment= settings (its paths and port moved into the
/// temporary folder), from an unrelated working folder; Debian's nginx in front of it with the site file of deploy/
/// (its ports and certificate swapped for a free loopback port and a self-signed certificate), run with its own prefix
/// and pid file; and Chromium to drive it through nginx. Slow: the publish alone takes a minute or two.
/// </summary>
public sealed class PublishedDeployment : IAsyncLifetime
{
    public const string NginxPath = "/usr/sbin/nginx";
    private const string UnitDataFolder = "/var/lib/community-safety";
    private const string UnitAppFolder = "/opt/community-safety";
    private const string UnitAppAddress = "http://127.0.0.1:5098";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly string _root = Directory.CreateTempSubdirectory("csd-deployment-").FullName;
    private readonly StringBuilder _appOutput = new();
    private readonly TaskCompletionSource _appListening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? _app;
    private Process? _nginx;
    private IPlaywright? _playwright;

    public string AppFolder => Path.Combine(_root, "app");
    public string DataFolder => Path.Combine(_root, "data");
    private string NginxFolder => Path.Combine(_root, "nginx");
    private string WorkingFolder => Path.Combine(_root, "elsewhere");
    public static string DeployFolder => Path.Combine(DashboardServer.SolutionDirectory, "deploy");

    public string HttpsUrl { get; private set; } = "";
    public string HttpUrl { get; private set; } = "";
    public int AppPort { get; private set; }
    public IBrowser Browser { get; private set; } = null!;
    public string PublishOutput { get; private set; } = "";

    /// <summary>The unit's Environment= settings with its data folder moved into the test's.</summary>
    public IReadOnlyDictionary<string, string> UnitEnvironment { get; private set; } = new Dictionary<string, string>();

    public string AppOutput
    {
        get { lock (_appOutput) return _appOutput.ToString(); }
    }

    public async Task InitializeAsync()
    {
        foreach (var tool in new[] { DashboardServer.ChromiumPath, NginxPath })
            if (!File.Exists(tool))
                throw new InvalidOperationException($"{tool} is missing; the deployment test needs Debian's chromium and nginx (apt-get install -y chromium nginx, or run ./scripts/test.sh as root).");
        Directory.CreateDirectory(DataFolder);
        Directory.CreateDirectory(WorkingFolder);

        var project = Path.Combine(DashboardServer.SolutionDirectory, "CommunitySafety.Dashboard", "CommunitySafety.Dashboard.csproj");
        var (exit, output) = await RunAsync("dotnet", ["publish", project, "-c", "Release", "-o", AppFolder, "--nologo"], TimeSpan.FromMinutes(10));
        PublishOutput = output;
        if (exit != 0) throw new InvalidOperationException($"dotnet publish failed ({exit}):\n{output}");

        AppPort = FreePort();
        var unit = await File.ReadAllLinesAsync(Path.Combine(DeployFolder, "community-safety.service"));
        UnitEnvironment = unit.Where(l => l.StartsWith("Environment=", StringComparison.Ordinal))
            .Select(l => l["Environment=".Length..].Trim('"'))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1].Replace(UnitDataFolder, DataFolder, StringComparison.Ordinal));
        var execStart = unit.Single(l => l.StartsWith("ExecStart=", StringComparison.Ordinal))["ExecStart=".Length..];
        Assert.Contains(UnitAppFolder, execStart);
        Assert.Contains(UnitAppAddress, execStart);
        var words = execStart.Replace(UnitAppFolder, AppFolder, StringComparison.Ordinal)
            .Replace(UnitAppAddress, $"http://127.0.0.1:{AppPort}", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);

        // The sample data, but for its last quarter, imported with the published command line before the app starts.
        var sample = Directory.GetFiles(Path.Combine(DashboardServer.SolutionDirectory, "data", "sample"), "*.csv").Order().ToArray();
        var (importExit, importOutput) = await RunCommandLineAsync(["import", .. sample.Where(f => !f.EndsWith("2023-24-Q2.csv", StringComparison.Ordinal))]);
        if (importExit != 0) throw new InvalidOperationException($"The published command line could not import the sample data ({importExit}):\n{importOutput}");

        // Anonymous viewing is off in the unit, so the browser signs in as a Viewer made the way the README says.
        var (userExit, userOutput) = await RunCommandLineAsync(["users", "add", "--email", ViewerEmail, "--role", "Viewer", "--name", "Deployment viewer"]);
        ViewerPassword = System.Text.RegularExpressions.Regex.Match(userOutput, @"Password \(shown only now[^)]*\): (\S+)").Groups[1].Value;
        if (userExit != 0 || ViewerPassword.Length == 0) throw new InvalidOperationException($"The published command line could not add a Viewer ({userExit}):\n{userOutput}");

        _app = Start(words[0], words[1..], WorkingFolder, OnAppLine);
        await WaitForAsync(_app, _appListening.Task, () => "The published app: " + AppOutput);

        await StartNginxAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = DashboardServer.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        });
    }

    /// <summary>A page that reaches the app through nginx, trusting the test's self-signed certificate.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = HttpsUrl,
            IgnoreHTTPSErrors = true,
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(ViewerEmail);
        await page.GetByLabel("Password").FillAsync(ViewerPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        return page;
    }

    public const string ViewerEmail = "viewer@deployment.test";

    /// <summary>The Viewer's password, made and printed once by `users add`.</summary>
    public string ViewerPassword { get; private set; } = "";

    /// <summary>The published command line, with the unit's settings, from an unrelated working folder.</summary>
    public Task<(int ExitCode, string Output)> RunCommandLineAsync(IEnumerable<string> arguments) =>
        RunAsync("dotnet", [Path.Combine(AppFolder, "CommunitySafety.Dashboard.dll"), .. arguments], TimeSpan.FromMinutes(3), UnitEnvironment);

    private async Task StartNginxAsync()
    {
        Directory.CreateDirectory(NginxFolder);
        var certificate = Path.Combine(NginxFolder, "certificate.pem");
        var key = Path.Combine(NginxFolder, "key.pem");
        var (sslExit, sslOutput) = await RunAsync("openssl",
            ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
             "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", certificate], TimeSpan.FromMinutes(1));
        if (sslExit != 0) throw new InvalidOperationException($"openssl could not make a certificate:\n{sslOutput}");

        var httpsPort = FreePort();
        var httpPort = FreePort();
        HttpsUrl = $"https://127.0.0.1:{httpsPort}";
        HttpUrl = $"http://127.0.0.1:{httpPort}";
        var site = await File.ReadAllTextAsync(Path.Combine(DeployFolder, "nginx-community-safety.conf"));
        site = Swap(site, "    listen [::]:80;\n", "");
        site = Swap(site, "    listen [::]:443 ssl;\n", "");
        site = Swap(site, "listen 80;", $"listen 127.0.0.1:{httpPort};");
        site = Swap(site, "listen 443 ssl;", $"listen 127.0.0.1:{httpsPort} ssl;");
        site = Swap(site, "/etc/ssl/certs/community-safety.pem", certificate);
        site = Swap(site, "/etc/ssl/private/community-safety.key", key);
        site = Swap(site, UnitAppAddress, $"http://127.0.0.1:{AppPort}");
        await File.WriteAllTextAsync(Path.Combine(NginxFolder, "site.conf"), site);

        var temp = string.Join("\n", new[] { "client_body", "proxy", "fastcgi", "uwsgi", "scgi" }
            .Select(t => $"    {t}_temp_path {Path.Combine(NginxFolder, t)};"));
        var main = $$"""
            {{(Environment.UserName == "root" ? "user root;" : "")}}
            worker_processes 1;
            pid {{Path.Combine(NginxFolder, "nginx.pid")}};
            error_log {{Path.Combine(NginxFolder, "error.log")}} warn;
            error_log stderr notice;
            events { worker_connections 256; }
            http {
                access_log {{Path.Combine(NginxFolder, "access.log")}};
            {{temp}}
                include {{Path.Combine(NginxFolder, "site.conf")}};
            }
            """;
        var configuration = Path.Combine(NginxFolder, "nginx.conf");
        await File.WriteAllTextAsync(configuration, main);

        var (testExit, testOutput) = await RunAsync(NginxPath, ["-t", "-p", NginxFolder + "/", "-c", configuration], TimeSpan.FromMinutes(1));
        if (testExit != 0) throw new InvalidOperationException($"nginx refused the site of deploy/:\n{testOutput}\n{site}");

        var nginxOutput = new StringBuilder();
        // nginx says "start worker processes" (a notice, on its standard error) once its listening sockets are open.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _nginx = Start(NginxPath, ["-p", NginxFolder + "/", "-c", configuration, "-g", "daemon off;"], NginxFolder, line =>
        {
            lock (nginxOutput) nginxOutput.AppendLine(line);
            if (line.Contains("start worker processes", StringComparison.Ordinal)) started.TrySetResult();
        });
        string NginxSays() => "nginx: " + nginxOutput + File.ReadAllText(Path.Combine(NginxFolder, "error.log"));
        await WaitForAsync(_nginx, started.Task, NginxSays);
        if (!Accepts(httpsPort)) throw new InvalidOperationException($"nginx started but does not accept on port {httpsPort}.\n{NginxSays()}");
    }

    private static string Swap(string text, string from, string to)
    {
        if (!text.Contains(from, StringComparison.Ordinal)) throw new InvalidOperationException($"deploy/nginx-community-safety.conf no longer has '{from.Trim()}', which the deployment test replaces.");
        return text.Replace(from, to, StringComparison.Ordinal);
    }

    private void OnAppLine(string line)
    {
        lock (_appOutput) _appOutput.AppendLine(line);
        if (line.Contains("Now listening on:", StringComparison.Ordinal)) _appListening.TrySetResult();
    }

    private Process Start(string fileName, IEnumerable<string> arguments, string workingFolder, Action<string> onLine)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingFolder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        SetEnvironment(start, UnitEnvironment);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} could not be started.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) onLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) onLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void SetEnvironment(ProcessStartInfo start, IReadOnlyDictionary<string, string>? environment)
    {
        foreach (var inherited in new[] { "ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ConnectionStrings__CommunitySafety" })
            start.Environment.Remove(inherited);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = WorkingFolder, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        SetEnvironment(start, environment);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} could not be started.");
        process.StandardInput.Close(); // nobody types: a command that would ask makes its own answer (a password) instead
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Waits until <paramref name="ready"/> is done, failing at once if the process ends first.</summary>
    private static async Task WaitForAsync(Process process, Task ready, Func<string> describe)
    {
        var exited = process.WaitForExitAsync();
        try
        {
            await Task.WhenAny(ready, exited).WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Not ready within {StartTimeout.TotalSeconds} s.\n{describe()}");
        }
        if (!ready.IsCompleted) throw new InvalidOperationException($"It stopped while starting (exit {process.ExitCode}).\n{describe()}");
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_nginx is { HasExited: false })
        {
            await RunAsync(NginxPath, ["-s", "stop", "-p", NginxFolder + "/", "-c", Path.Combine(NginxFolder, "nginx.conf")], TimeSpan.FromSeconds(30));
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try { await _nginx.WaitForExitAsync(wait.Token); }
            catch (OperationCanceledException) { _nginx.Kill(entireProcessTree: true); }
        }
        _nginx?.Dispose();
        if (_app is { HasExited: false })
        {
            _app.Kill(entireProcessTree: true);
            await _app.WaitForExitAsync();
        }
        _app?.Dispose();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
