using System.Diagnostics;
using System.Globalization;
using System.Text;
using CommunitySafety.Data.Import;
using CommunitySafety.Data.Storage;
using CommunitySafety.Data;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Dashboard.Cli;

/// <summary>
/// `benchmark --rows N [--json]`: writes an N-row police.uk file, then measures in one run the bare CsvHelper parse
/// (every field read, nothing kept), our import of it into a new database, and sqlite3's own .import when installed.
/// With `--provider PostgreSQL --connection "Host=..."`: the import into new databases on that server (it needs the
/// right to create them; they are dropped after), beside psql's own \copy of the same file into a bare table.
/// With `--areas M`, the file spreads over M areas instead, all kept (<see cref="AreasBenchmark"/>).
/// </summary>
internal static class BenchmarkCommand
{
    private static readonly string[] CrimeTypes =
    [
        "Anti-social behaviour", "Violence and sexual offences", "Criminal damage and arson", "Public order", "Burglary",
        "Vehicle crime", "Other theft", "Shoplifting", "Drugs", "Other crime", "Bicycle theft", "Robbery",
        "Theft from the person", "Possession of weapons",
    ];

    public static async Task<int> RunAsync(Arguments arguments)
    {
        arguments.AllowOnly("--rows", "--areas", "--json", "--provider", "--connection");
        var postgreSql = DatabaseProviders.Parse(arguments.Value("--provider")) == DatabaseProvider.PostgreSql
            ? arguments.Value("--connection") ?? throw new UsageException("benchmark --provider PostgreSQL needs --connection \"Host=...;Username=...\".")
            : null;
        var rowsText = arguments.Value("--rows") ?? "1000000";
        if (!int.TryParse(rowsText, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var rows) || rows < 1)
            throw new UsageException($"--rows must be a whole number of 1 or more, not '{rowsText}'.");
        if (arguments.Value("--areas") is { } areasText)
        {
            if (!int.TryParse(areasText, NumberStyles.None, CultureInfo.InvariantCulture, out var areas) || areas < 2 || areas > 10_000)
                throw new UsageException($"--areas must be a whole number from 2 to 10,000, not '{areasText}'.");
            return await AreasBenchmark.RunAsync(rows, areas, arguments.Has("--json"));
        }

        var folder = Directory.CreateTempSubdirectory("community-safety-benchmark-");
        try
        {
            var file = Path.Combine(folder.FullName, "2023-benchmark-leicestershire-street.csv");
            WritePoliceUkFile(file, rows);
            var fileMb = new FileInfo(file).Length / 1024.0 / 1024.0;

            // Both sides run once on a small file first, so neither is timed while the runtime compiles its code.
            var warmUp = Path.Combine(folder.FullName, "2023-warm-up-leicestershire-street.csv");
            WritePoliceUkFile(warmUp, 1000);
            BareParse(warmUp);
            if (postgreSql is not null) return await RunOnPostgreSqlAsync(arguments, postgreSql, rows, file, warmUp, fileMb);
            await TimedImport(warmUp, Path.Combine(folder.FullName, "warm-up.db"));

            var parseSeconds = Time(() => BareParse(file));
            var importSeconds = await TimedImport(file, Path.Combine(folder.FullName, "benchmark.db"));
            var sqliteSeconds = SqliteCliImport(file, Path.Combine(folder.FullName, "sqlite3.db"));
            var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;

            var result = new BenchmarkResult(
                rows,
                Math.Round(parseSeconds, 3),
                Math.Round(importSeconds, 3),
                Math.Round(importSeconds / parseSeconds, 2),
                Math.Round(rows / importSeconds),
                Math.Round(peakMb, 1),
                sqliteSeconds is double s ? Math.Round(s, 3) : null,
                Math.Round(fileMb, 1));
            Console.WriteLine(arguments.Has("--json") ? Data.Figures.SummaryJson.Serialize(result) : Describe(result));
            return CommandLine.Done;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private sealed record PostgreSqlBenchmarkResult(
        int Rows, double ParseSeconds, double ImportSeconds, double? PsqlCopySeconds, double? RatioToPsqlCopy, double RowsPerSecond,
        double PeakWorkingSetMb, double FileMb);

    /// <summary>The import into a new database on the server, and psql's \copy of the same file into a bare table there.</summary>
    private static async Task<int> RunOnPostgreSqlAsync(Arguments arguments, string connectionString, int rows, string file, string warmUp, double fileMb)
    {
        var scratch = $"communitysafety_benchmark_{Environment.ProcessId}";
        try
        {
            var database = await PostgreSqlScratch.CreateDatabaseAsync(connectionString, scratch + "_warm_up");
            await TimedImport(warmUp, database, DatabaseProvider.PostgreSql);
            await PostgreSqlScratch.DropDatabaseAsync(connectionString, scratch + "_warm_up");

            var parseSeconds = Time(() => BareParse(file));
            database = await PostgreSqlScratch.CreateDatabaseAsync(connectionString, scratch);
            var importSeconds = await TimedImport(file, database, DatabaseProvider.PostgreSql);
            await PostgreSqlScratch.CreateBareTableAsync(database, "crimes", 12);
            var copySeconds = PsqlCopy(file, database, "crimes");
            var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;

            var result = new PostgreSqlBenchmarkResult(
                rows, Math.Round(parseSeconds, 3), Math.Round(importSeconds, 3), copySeconds is double c ? Math.Round(c, 3) : null,
                copySeconds is double d ? Math.Round(importSeconds / d, 2) : null, Math.Round(rows / importSeconds), Math.Round(peakMb, 1),
                Math.Round(fileMb, 1));
            Console.WriteLine(arguments.Has("--json") ? Data.Figures.SummaryJson.Serialize(result) : $"""
                Benchmark on PostgreSQL: {result.Rows:N0} police.uk rows ({result.FileMb:N1} MB)
                  CsvHelper parse alone:   {result.ParseSeconds,8:N3} s
                  Import (ours):           {result.ImportSeconds,8:N3} s   {result.RowsPerSecond:N0} rows/s
                  psql \copy, bare table:  {(result.PsqlCopySeconds is double s ? $"{s,8:N3} s   ours is {result.RatioToPsqlCopy:N2}x of it" : "  not run (psql is not installed)")}
                  Peak working set:        {result.PeakWorkingSetMb,8:N1} MB
                """);
            return CommandLine.Done;
        }
        finally
        {
            await PostgreSqlScratch.DropDatabaseAsync(connectionString, scratch);
        }
    }

    /// <summary>psql's own client-side COPY of the file, as an administrator would load it by hand.</summary>
    private static double? PsqlCopy(string file, string connectionString, string table)
    {
        var (connInfo, password) = PostgreSqlScratch.ForPsql(connectionString);
        try
        {
            var start = new ProcessStartInfo("psql", [connInfo, "-v", "ON_ERROR_STOP=1", "-c", $"\\copy {table} FROM '{file}' WITH (FORMAT csv, HEADER true)"])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            if (password is not null) start.Environment["PGPASSWORD"] = password;
            var watch = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new IOException($"psql's \\copy failed: {error.Trim()}");
            return watch.Elapsed.TotalSeconds;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // psql is not installed
        }
    }

    private sealed record BenchmarkResult(
        int Rows, double ParseSeconds, double ImportSeconds, double Ratio, double RowsPerSecond, double PeakWorkingSetMb,
        double? SqliteImportSeconds, double FileMb);

    private static string Describe(BenchmarkResult r) => $"""
        Benchmark: {r.Rows:N0} police.uk rows ({r.FileMb:N1} MB)
          CsvHelper parse alone:   {r.ParseSeconds,8:N3} s
          Import (ours):           {r.ImportSeconds,8:N3} s   ratio to parse {r.Ratio:N2}x   {r.RowsPerSecond:N0} rows/s
          sqlite3 .import:         {(r.SqliteImportSeconds is double s ? $"{s,8:N3} s" : "  not run (sqlite3 is not installed)")}
          Peak working set:        {r.PeakWorkingSetMb,8:N1} MB
        """;

    /// <summary>
    /// Rows as police.uk publishes them: month by month, each month sorted by LSOA, across a force area of 400
    /// LSOAs of which 47 are Harborough's (so most rows are skipped as outside the area, as in the real files).
    /// </summary>
    internal static void WritePoliceUkFile(string path, int rows)
    {
        var lsoas = Enumerable.Range(0, 400).Select(i => i switch
        {
            < 150 => ($"E0102{5400 + i}", $"Blaby {i / 4 + 1:D3}{(char)('A' + i % 4)}"),
            < 197 => ($"E0102{5770 + i - 150}", $"Harborough {(i - 150) / 5 + 2:D3}{(char)('A' + (i - 150) % 5)}"),
            _ => ($"E0103{i}", $"Melton {(i - 197) / 4 + 1:D3}{(char)('A' + (i - 197) % 4)}"),
        }).ToArray();
        WritePoliceUkRows(path, rows, 2023, lsoas, seed: 20231011);
    }

    /// <summary>
    /// <paramref name="rows"/> police.uk rows over the twelve months of <paramref name="year"/>, each month's rows spread
    /// over the LSOAs in order, the crime types drawn at random from <paramref name="seed"/> (so a run is repeatable).
    /// </summary>
    internal static void WritePoliceUkRows(string path, int rows, int year, IReadOnlyList<(string Code, string Name)> lsoas, int seed)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\r\n" };
        writer.WriteLine("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context");
        var id = new byte[32];
        for (var i = 0; i < rows; i++)
        {
            var month = (int)((long)i * 12 / rows) + 1;
            var startOfMonth = (long)(month - 1) * rows / 12;
            var rowsInMonth = (long)month * rows / 12 - startOfMonth;
            var (code, name) = lsoas[Math.Min(lsoas.Count - 1, (int)((i - startOfMonth) * lsoas.Count / Math.Max(1, rowsInMonth)))];
            var type = CrimeTypes[random.Next(CrimeTypes.Length)];
            var asb = type == CrimeTypes[0];
            random.NextBytes(id);
            writer.Write(asb ? "" : Convert.ToHexStringLower(id));
            writer.Write($",{year}-{month:D2},Leicestershire Police,Leicestershire Police,");
            writer.Write($"-0.{random.Next(900000, 999999)},52.{random.Next(400000, 600000)},\"On or near High Street, Market Harborough\",");
            writer.Write($"{code},{name},{type},{(asb ? "" : "Investigation complete; no suspect identified")},");
            writer.WriteLine();
        }
    }

    private static void BareParse(string path)
    {
        var options = new CsvReaderOptions { HasHeader = true, Separator = ',', PoolStrings = true, Encoding = Encoding.UTF8 };
        using var reader = CsvReader.FromFile(path, options, FileOptions.SequentialScan);
        reader.ReadHeader();
        long characters = 0;
        while (reader.Read())
            for (var i = 0; i < reader.FieldCount; i++)
                characters += reader.GetString(i).Length;
        GC.KeepAlive(characters);
    }

    /// <summary>The import alone: the database is created first, as it is when an analyst imports.</summary>
    private static async Task<double> TimedImport(string file, string database, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var settings = provider == DatabaseProvider.PostgreSql
            ? new DataSettings(database, FilesFolder: Path.Combine(Path.GetDirectoryName(file)!, "files"), Provider: provider)
            : new DataSettings($"Data Source={database}");
        var services = new ServiceCollection().AddCommunitySafetyData(settings).BuildServiceProvider();
        await using (services)
        {
            await Database.PrepareAsync(services.GetRequiredService<IDbContextFactory<Data.Storage.CommunitySafetyDb>>());
            var importer = services.GetRequiredService<Importer>();
            var watch = Stopwatch.StartNew();
            var report = await importer.ImportAsync(new ImportRequest([UploadedFile.FromPath(file)]));
            watch.Stop();
            if (report.Outcome != ImportOutcome.Imported) throw new InvalidOperationException("The benchmark file was refused: " + report.Message);
            return watch.Elapsed.TotalSeconds;
        }
    }

    private static double? SqliteCliImport(string file, string databasePath)
    {
        try
        {
            var start = new ProcessStartInfo("sqlite3", [databasePath, $".import --csv {file} crimes"])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            var watch = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? watch.Elapsed.TotalSeconds : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // sqlite3 is not installed
        }
    }

    private static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalSeconds;
    }

}
