using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CommunitySafety.Data.Storage;
using Npgsql;

namespace CommunitySafety.Tests.Data;

/// <summary>
/// One throwaway PostgreSQL for the whole test run, started by the first test that needs it: a cluster made by initdb in
/// a temporary folder, run by pg_ctl on a free port of 127.0.0.1 with trust sign-in, as the postgres user when the tests
/// run as root (PostgreSQL refuses to run as root). Stopped and removed when the test process ends. Each test gets a
/// database of its own, copied from a template that is migrated once.
/// </summary>
public sealed class PostgreSqlServer
{
    private const string InstallSentence =
        "The PostgreSQL tests need PostgreSQL's server programs (initdb, pg_ctl): install them with " +
        "\"apt-get install postgresql\" (scripts/test.sh does this when run as root).";

    private const string TemplateDatabase = "communitysafety_template";

    private static readonly Lazy<Task<PostgreSqlServer>> Shared = new(StartAsync);
    private static int _databases;

    private readonly string _folder;
    private readonly string _binaries;
    private readonly string? _runAs;

    private PostgreSqlServer(string folder, string binaries, string? runAs, int port)
    {
        _folder = folder;
        _binaries = binaries;
        _runAs = runAs;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The connection string of a database on this server; "postgres" is the server's own.</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, Pooling = true }.ToString();

    public static Task<PostgreSqlServer> InstanceAsync() => Shared.Value;

    /// <summary>A new database holding the schema, for one test; <see cref="DropDatabaseAsync"/> removes it.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"communitysafety_test_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        // CREATE DATABASE ... TEMPLATE needs the template free of connections: one copy at a time, none left open to it.
        await CopyGate.WaitAsync();
        try
        {
            await ExecuteAsync(ConnectionString("postgres"), $"CREATE DATABASE \"{name}\" TEMPLATE \"{TemplateDatabase}\"");
        }
        finally
        {
            CopyGate.Release();
        }
        return ConnectionString(name);
    }

    private static readonly SemaphoreSlim CopyGate = new(1, 1);

    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using (var connection = new NpgsqlConnection(connectionString)) NpgsqlConnection.ClearPool(connection);
        await ExecuteAsync(ConnectionString("postgres"), $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static async Task<PostgreSqlServer> StartAsync()
    {
        var binaries = FindBinaries() ?? throw new InvalidOperationException(InstallSentence);
        var runAs = Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root" ? "postgres" : null;
        RemoveClustersOfEndedRuns(binaries);
        var folder = Directory.CreateTempSubdirectory($"{FolderPrefix}{Environment.ProcessId}-").FullName;
        if (runAs is not null) Run("chown", ["-R", runAs, folder], null, "give the test cluster's folder to the postgres user");
        var port = FreePort();
        var server = new PostgreSqlServer(folder, binaries, runAs, port);
        var data = Path.Combine(folder, "data");
        server.RunTool("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
        server.RunTool("pg_ctl", [
            "-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "start",
            "-o", $"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
        ]);
        server.StopWhenThisProcessEnds();

        await ExecuteAsync(server.ConnectionString("postgres"), $"CREATE DATABASE \"{TemplateDatabase}\"");
        var template = server.ConnectionString(TemplateDatabase);
        await using (var db = new PostgreSqlCommunitySafetyDb(Database.PostgreSqlOptions(template)))
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.MigrateAsync(db.Database);
        await using (var connection = new NpgsqlConnection(template)) NpgsqlConnection.ClearPool(connection);
        return server;
    }

    private const string FolderPrefix = "community-safety-pg-";

    /// <summary>A test run that was killed left its cluster running: stopped and removed when its process is gone.</summary>
    private static void RemoveClustersOfEndedRuns(string binaries)
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var pid = Path.GetFileName(folder)[FolderPrefix.Length..].Split('-')[0];
            if (!int.TryParse(pid, out var id) || Directory.Exists($"/proc/{id}")) continue;
            var runAs = Environment.UserName == "root" ? "postgres" : null;
            try
            {
                if (File.Exists(Path.Combine(folder, "data", "postmaster.pid")))
                    new PostgreSqlServer(folder, binaries, runAs, 0).Stop();
                else
                    Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // Another run's leftovers, not this run's concern if they cannot be removed.
            }
        }
    }

    /// <summary>
    /// The test host may be ended without running its exit handlers, so a watchdog of its own, apart from this process,
    /// stops the cluster and removes its folder once this process is gone.
    /// </summary>
    private void StopWhenThisProcessEnds()
    {
        var pgCtl = Path.Combine(_binaries, "pg_ctl");
        var stop = _runAs is null ? $"'{pgCtl}'" : $"runuser -u {_runAs} -- '{pgCtl}'";
        var script = $"while [ -d /proc/{Environment.ProcessId} ]; do sleep 1; done; " +
                     $"{stop} -D '{Path.Combine(_folder, "data")}' -m immediate -w stop; rm -rf '{_folder}'";
        var start = new ProcessStartInfo("setsid", ["sh", "-c", script])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/",
        };
        Process.Start(start)?.Dispose();
    }

    private void Stop()
    {
        try
        {
            RunTool("pg_ctl", ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>pg_ctl and initdb: on PATH, or in Debian's /usr/lib/postgresql/VERSION/bin (the newest).</summary>
    private static string? FindBinaries()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
            if (File.Exists(Path.Combine(directory, "pg_ctl")) && File.Exists(Path.Combine(directory, "initdb"))) return directory;
        if (!Directory.Exists("/usr/lib/postgresql")) return null;
        return Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "pg_ctl")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void RunTool(string tool, string[] arguments)
    {
        var path = Path.Combine(_binaries, tool);
        if (_runAs is null) Run(path, arguments, null, tool);
        else Run("runuser", ["-u", _runAs, "--", path, .. arguments], null, tool);
    }

    private static void Run(string file, string[] arguments, string? workingDirectory, string what)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? "/" };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not run {file}. {InstallSentence}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"PostgreSQL for the tests could not start: {what} failed ({process.ExitCode}): {error} {output.Result} {InstallSentence}");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
